//! For data editors: `cargo xtask check-data`, `cargo xtask import-timelinejs` and `cargo xtask schema`.

use anti_trafficking_timeline::format::{check, sheet};

use super::{root, Result};

/// A table's delimiter, by the file's extension (`.csv`, `.tsv`); `None` for JSON.
fn table_delimiter(name: &str, text: &str) -> Option<sheet::Delimiter> {
    let ext = std::path::Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "tsv" | "tab" => Some(sheet::Delimiter::Tab),
        "csv" | "txt" => Some(sheet::Delimiter::guess(text)),
        _ => None,
    }
}

/// `cargo xtask import-sheet IN OUT`: converts a table in the columns of the TimelineJS Google Sheets
/// template (CSV or TSV) to this widget's format; prints what could not be kept and any problem, each
/// at its row and column; writes OUT only if the result is valid, then checks OUT.
pub(crate) fn import_sheet(args: &[String]) -> Result {
    let [input, output] = args else {
        return Err("usage: cargo xtask import-sheet IN.csv OUT.json".to_owned());
    };
    let text = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
    let delimiter = table_delimiter(input, &text).unwrap_or_else(|| sheet::Delimiter::guess(&text));
    let imported = sheet::import(&text, delimiter);
    let result = imported.as_ref().map_err(Clone::clone).and_then(sheet::Imported::validate);
    let report = check::report_of(input, result);
    print!("{}", report.text);
    let imported = match imported {
        Ok(i) if report.errors == 0 => i,
        _ => return Err(format!("{input}: fix the problems above; {output} was not written")),
    };
    let out = imported.json.to_pretty();
    std::fs::write(output, &out).map_err(|e| format!("{output}: {e}"))?;
    println!("{input}: converted to {output}");
    let check = check::report(output, &out);
    print!("{}", check.text);
    if check.errors > 0 {
        return Err(format!("{output} has errors"));
    }
    Ok(())
}

/// `cargo xtask check-data [FILE…]` (default `data/timeline.json`): every problem with its path, line
/// and column; fails if any file has errors (warnings do not fail).
pub(crate) fn check_data(files: &[String]) -> Result {
    let default = vec!["data/timeline.json".to_owned()];
    let files = if files.is_empty() { &default } else { files };
    let mut failed = 0;
    for f in files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?;
        let report = match table_delimiter(f, &text) {
            // A table: checked as `import-sheet` reads it, problems at their rows and columns.
            Some(d) => check::report_of(f, sheet::import(&text, d).and_then(|i| i.validate())),
            None => check::report(f, &text),
        };
        print!("{}", report.text);
        if report.errors > 0 {
            failed += 1;
        }
    }
    if failed > 0 {
        return Err(format!("{failed} of {} file(s) have errors", files.len()));
    }
    Ok(())
}

/// `cargo xtask import-timelinejs IN OUT`: converts a TimelineJS3 file to this widget's format, prints
/// what could not be kept (warnings, with their place in IN), then checks OUT.
pub(crate) fn import_timelinejs(args: &[String]) -> Result {
    use anti_trafficking_timeline::format::{locate, timelinejs, Json};
    let [input, output] = args else {
        return Err("usage: cargo xtask import-timelinejs IN.json OUT.json".to_owned());
    };
    let text = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
    let json: Json = serde_json::from_str(&text).map_err(|e| format!("{input}: not valid JSON: {e}"))?;
    if !timelinejs::detect(&json) {
        return Err(format!(
            "{input}: not a TimelineJS3 file (no \"events\" with \"start_date\", no \"eras\")"
        ));
    }
    let (ours, mut warnings) = timelinejs::import(&json);
    locate::place(&text, &mut warnings);
    for w in &warnings {
        print!("{}", check::line(input, "warning", w));
    }
    let out = ours.to_pretty();
    std::fs::write(output, &out).map_err(|e| format!("{output}: {e}"))?;
    println!("{input}: converted to {output}; {} warning(s)", warnings.len());
    let report = check::report(output, &out);
    print!("{}", report.text);
    if report.errors > 0 {
        return Err(format!("{output} has errors"));
    }
    Ok(())
}

/// Writes `data/timeline.schema.json` from the decoder's field lists (see `format::schema`).
pub(crate) fn write_schema() -> Result {
    let text = anti_trafficking_timeline::format::schema::text_of_schema()?;
    let path = root().join("data").join(anti_trafficking_timeline::format::schema::FILE_NAME);
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("wrote {}", path.display());
    Ok(())
}

/// Writes `DIR/data/timeline.LANG.json` for each language: the bundled file without the other
/// languages' translations and without whitespace (the widget fetches English and the page's
/// language only). `DIR` defaults to Trunk's staging directory (`TRUNK_STAGING_DIR`), so that this runs
/// as Trunk's post-build hook (`Trunk.toml`) for `trunk serve` and `trunk build` alike.
pub(crate) fn split_data(args: &[String]) -> Result {
    use anti_trafficking_timeline::format::{split, Json};
    use anti_trafficking_timeline::model::Lang;
    let dir = super::build::staging_dir(args, "split-data")?;
    let input = root().join("data/timeline.json");
    let text = std::fs::read_to_string(&input).map_err(|e| format!("{}: {e}", input.display()))?;
    let json: Json =
        serde_json::from_str(&text).map_err(|e| format!("data/timeline.json: not valid JSON: {e}"))?;
    anti_trafficking_timeline::format::from_json(&json).map_err(|errs| {
        let list: Vec<String> = errs.iter().map(ToString::to_string).collect();
        format!("data/timeline.json is invalid (cargo xtask check-data):\n  {}", list.join("\n  "))
    })?;
    let out = dir.join("data");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    for lang in Lang::ALL {
        let path = out.join(anti_trafficking_timeline::format::split_file_name(lang));
        std::fs::write(&path, split::for_lang(&json, lang).to_compact())
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}
