//! `cargo xtask dist` (the folder a newsroom copies to its static host) and `cargo xtask size`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::setup::{setup, Need};
use super::{cmd, root, run, Result};

pub(crate) fn dist_command(args: &[String]) -> Result {
    let public_url = match args {
        [] => "/".to_owned(),
        [flag, url] if flag == "--public-url" => url.clone(),
        [arg] if arg.starts_with("--public-url=") => arg["--public-url=".len()..].to_owned(),
        _ => return Err("usage: cargo xtask dist [--public-url /some/path/]".to_owned()),
    };
    if !public_url.starts_with('/') && !public_url.starts_with("http") {
        return Err(format!(
            "--public-url must be a path like /news/timeline/ or a full URL, not {public_url:?}"
        ));
    }
    setup(Need::Build)?;
    dist(&public_url)?;
    size(&root().join("dist"))?;
    let base = if public_url.ends_with('/') { public_url } else { format!("{public_url}/") };
    println!("\nCopy dist/ to {base} on your static host, then paste into an article:\n");
    println!("  <script type=\"module\" src=\"{base}embed.js\"></script>");
    println!("  <anti-trafficking-timeline></anti-trafficking-timeline>\n");
    println!("or, for readers and crawlers without JavaScript, the same two lines with the list inside: dist/snippet.html");
    println!(
        "Cache embed.js and data/ briefly (stable names: the data can be corrected without a rebuild of the code);\nevery other file's name changes with its content."
    );
    Ok(())
}

/// The release build in `dist/`, plus the stable entry `embed.js` and the iframe page.
pub(crate) fn dist(public_url: &str) -> Result {
    dist_into(public_url, &root().join("dist"), None)
}

/// [`dist`] into `out`, with extra cargo features (the panic-test build).
pub(crate) fn dist_into(public_url: &str, out: &Path, features: Option<&str>) -> Result {
    let mut build = cmd("trunk");
    build.args(["build", "--release", "--public-url", public_url]).arg("--dist").arg(out);
    if let Some(f) = features {
        build.args(["--features", f]);
    }
    run(
        &format!(
            "release build (trunk build --release{})",
            features.map(|f| format!(" --features {f}")).unwrap_or_default()
        ),
        &mut build,
    )?;
    let out = out.to_path_buf();
    let (js, wasm) = widget_files(&out)?;
    // The glue's own imports (wasm-bindgen's snippets), for embed.js to preload beside the glue (the
    // post-build hook removed any the glue does not import: `prune_snippets`).
    let snippets = files_under(&out, "snippets");
    let template = std::fs::read_to_string(root().join("assets/embed/embed.template.js"))
        .map_err(|e| format!("assets/embed/embed.template.js: {e}"))?;
    // Its comments stay in the template (for whoever reads the source): a news page need not load them.
    let entry = template
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        .replace("{{WASM}}", &wasm)
        .replace("{{GLUE}}", &js)
        .replace("{{SNIPPETS}}", &serde_json::to_string(&snippets).map_err(|e| e.to_string())?);
    std::fs::write(out.join("embed.js"), entry).map_err(|e| format!("embed.js: {e}"))?;
    minify_js(&out, &["embed.js".to_owned()])?;
    // The no-JavaScript fallback, from the same data: in the standalone page, and in a snippet.
    let data =
        std::fs::read_to_string(root().join("data/timeline.json")).map_err(|e| format!("data: {e}"))?;
    let timeline = anti_trafficking_timeline::format::from_str(&data).map_err(|errs| {
        let list: Vec<String> = errs.iter().map(ToString::to_string).collect();
        format!("data/timeline.json is invalid:\n  {}", list.join("\n  "))
    })?;
    let fallback = anti_trafficking_timeline::fallback::html(&timeline);
    let index = std::fs::read_to_string(out.join("index.html")).map_err(|e| format!("index.html: {e}"))?;
    let marker = "<!-- fallback: cargo xtask dist puts the list here -->";
    if !index.contains(marker) {
        return Err("index.html has no fallback marker".to_owned());
    }
    std::fs::write(out.join("index.html"), index.replace(marker, &fallback))
        .map_err(|e| format!("index.html: {e}"))?;
    let base = if public_url.ends_with('/') { public_url.to_owned() } else { format!("{public_url}/") };
    // One snippet per language: the no-JavaScript list in the article's language (`snippet.html` is
    // English, `snippet.fr.html` French, …).
    for lang in anti_trafficking_timeline::model::Lang::ALL {
        let tag = lang.tag();
        let list = anti_trafficking_timeline::fallback::html_in(&timeline, lang);
        let (name, attr) = match lang {
            anti_trafficking_timeline::model::Lang::En => ("snippet.html".to_owned(), String::new()),
            _ => (format!("snippet.{tag}.html"), format!(" lang=\"{tag}\"")),
        };
        let snippet = format!(
            "<script type=\"module\" src=\"{base}embed.js\"></script>\n<anti-trafficking-timeline{attr}>{list}</anti-trafficking-timeline>\n"
        );
        std::fs::write(out.join(&name), snippet).map_err(|e| format!("{name}: {e}"))?;
    }
    for f in ["embed.html", "frame.js", "frame.css", "parent.js"] {
        std::fs::copy(root().join("assets/embed").join(f), out.join(f)).map_err(|e| format!("{f}: {e}"))?;
    }
    eprintln!("    wrote dist/embed.js (→ {js}), snippet.html (and snippet.fr.html, … per language), the fallback list in index.html, embed.html, frame.js, frame.css, parent.js");
    Ok(())
}

/// The wasm, JS and CSS files under `dist` (its `snippets/` too), with whether a news page loads them
/// for the widget (the snippet: `embed.js`, the glue and its snippets, the wasm with the data and the
/// stylesheet inside) or not (the standalone page's CSS, the iframe embedding's files).
pub(crate) fn files(dist: &Path) -> Result<Vec<(PathBuf, bool)>> {
    let mut out = Vec::new();
    let mut dirs = vec![dist.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e} (build first)", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if !matches!(path.extension().and_then(|e| e.to_str()), Some("wasm" | "js" | "css")) {
                continue;
            }
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let news = name == "embed.js"
                || (name.starts_with("anti-trafficking-timeline-") && !name.ends_with(".css"))
                || path.strip_prefix(dist).is_ok_and(|p| p.starts_with("snippets"));
            out.push((path, news));
        }
    }
    out.sort();
    Ok(out)
}

/// Prints raw and gzip -9 sizes of the wasm, JS and CSS in `dist`, and what a news page loads.
pub(crate) fn size(dist: &Path) -> Result {
    let mut rows = Vec::new();
    for (path, news) in files(dist)? {
        let raw = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
        let name = path.strip_prefix(dist).unwrap_or(&path).display().to_string();
        rows.push((news, name, raw, gzip9(&path)?));
    }
    eprintln!("\n==> release size (dist/)");
    println!("{:>10} {:>12}  file", "bytes", "gzip -9");
    for (news, name, raw, gz) in &rows {
        println!("{raw:>10} {gz:>12}  {name}{}", if *news { "" } else { " (not for a news page)" });
    }
    let (raw, gz) = rows.iter().filter(|r| r.0).fold((0, 0), |(a, b), r| (a + r.2, b + r.3));
    let editor =
        rows.iter().filter(|r| r.1.starts_with("editor/")).fold((0, 0), |(a, b), r| (a + r.2, b + r.3));
    println!(
        "{:>10} {:>12}  the editor page's own code (editor/: a news page loads it only for a table or a TimelineJS3 file)",
        editor.0, editor.1
    );
    println!("{raw:>10} {gz:>12}  the widget's code for a news page (the stylesheet is in the wasm)");
    // The data: one file per language, fetched beside the wasm (English, plus the page's language).
    let mut first = true;
    for lang in anti_trafficking_timeline::model::Lang::ALL {
        let name = anti_trafficking_timeline::format::split_file_name(lang);
        let path = dist.join("data").join(&name);
        let Ok(meta) = std::fs::metadata(&path) else {
            return Err(format!("{}: missing (cargo xtask split-data, Trunk's hook)", path.display()));
        };
        let (d_raw, d_gz) = (meta.len(), gzip9(&path)?);
        println!("{d_raw:>10} {d_gz:>12}  data/{name}");
        let total = if first {
            "what a news page loads for the widget"
        } else {
            "the same, on a page in this language"
        };
        println!("{:>10} {:>12}    {total}", raw + d_raw, gz + d_gz);
        first = false;
    }
    let data = root().join("data/timeline.json");
    let data_raw = std::fs::metadata(&data).map_err(|e| e.to_string())?.len();
    println!(
        "{data_raw:>10} {:>12}  data/timeline.json as written, all six languages (not loaded by a page)",
        gzip9(&data)?
    );
    Ok(())
}

pub(crate) fn gzip9(path: &Path) -> Result<u64> {
    let mut child = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("gzip: {e}"))?;
    let mut buf = Vec::new();
    child.stdout.take().ok_or("gzip: no output")?.read_to_end(&mut buf).map_err(|e| e.to_string())?;
    child.wait().map_err(|e| e.to_string())?;
    Ok(buf.len() as u64)
}

/// The output directory of a post-build command: `DIR` if given, else Trunk's staging directory.
pub(crate) fn staging_dir(args: &[String], command: &str) -> Result<PathBuf> {
    match args {
        [dir] => Ok(PathBuf::from(dir)),
        [] => std::env::var_os("TRUNK_STAGING_DIR")
            .map(PathBuf::from)
            .ok_or(format!("usage: cargo xtask {command} DIR (or run it as Trunk's hook)")),
        _ => Err(format!("usage: cargo xtask {command} [DIR]")),
    }
}

/// Part of `cargo xtask post-build` (Trunk's post-build hook, after `editor`; release builds only): the
/// JavaScript a news page may load, minified in place (`xtask/minify.mjs`, terser): wasm-bindgen's glue
/// and its snippets, and the editor's glue. index.html's `integrity` hashes follow.
pub(crate) fn minify_release(args: &[String]) -> Result {
    let dir = staging_dir(args, "post-build")?;
    if !release_profile() {
        return Ok(());
    }
    // First the import names (this renames the glue and the wasm after their new content).
    shorten_imports(&dir)?;
    // The glue at the top, every snippet (the widget's and the editor's), and the editor's glue.
    let files: Vec<String> = files_under(&dir, "")
        .into_iter()
        .filter(|f| {
            f.ends_with(".js")
                && (f.starts_with("snippets/")
                    || f.starts_with("editor/snippets/")
                    || f == "editor/editor.js"
                    || (f.starts_with("anti-trafficking-timeline-") && !f.contains('/')))
        })
        .collect();
    minify_js(&dir, &files)
}

/// Part of `cargo xtask post-build` (release builds, before the minifier): short names for the
/// functions the widget's wasm imports from its glue, in both files (`xtask/imports.mjs`); about 6 KB
/// gzip less for a news page. Both files are named after their new content; index.html's references
/// and `integrity` hashes follow.
fn shorten_imports(dir: &Path) -> Result {
    let (glue, wasm) = widget_files(dir)?;
    let mut node = cmd("node");
    node.arg(root().join("xtask/imports.mjs")).arg(dir).arg(glue).arg(wasm);
    run("shorten the wasm's import names", &mut node)
}

/// The widget's glue and wasm at the top of `dir` (a release's folder or Trunk's staging folder):
/// `anti-trafficking-timeline-<hash>.js` and `…_bg.wasm`, exactly one of each.
pub(crate) fn widget_files(dir: &Path) -> Result<(String, String)> {
    let top = files_under(dir, "");
    let ours = |end: &str| -> Vec<&String> {
        top.iter()
            .filter(|f| f.starts_with("anti-trafficking-timeline-") && !f.contains('/') && f.ends_with(end))
            .collect()
    };
    match (ours(".js").as_slice(), ours("_bg.wasm").as_slice()) {
        ([glue], [wasm]) => Ok(((*glue).clone(), (*wasm).clone())),
        (glue, wasm) => Err(format!(
            "{}: expected one widget glue and one wasm, found {glue:?} and {wasm:?}",
            dir.display()
        )),
    }
}

/// Part of `cargo xtask post-build` (every build): removes the snippets the glue does not import.
/// wasm-bindgen leaves old ones in `target/`, and Trunk copies them all: a page would preload them for
/// nothing (index.html and embed.js list them), and the size report would count them.
pub(crate) fn prune_snippets(args: &[String]) -> Result {
    let dir = staging_dir(args, "post-build")?;
    let (glue, _) = widget_files(&dir)?;
    let glue = std::fs::read_to_string(dir.join(&glue)).map_err(|e| format!("{glue}: {e}"))?;
    let stale: Vec<String> =
        files_under(&dir, "snippets").into_iter().filter(|s| !glue.contains(&format!("./{s}"))).collect();
    if stale.is_empty() {
        return Ok(());
    }
    let html = dir.join("index.html");
    let mut page = std::fs::read_to_string(&html).map_err(|e| format!("index.html: {e}"))?;
    for s in &stale {
        std::fs::remove_file(dir.join(s)).map_err(|e| format!("{s}: {e}"))?;
        // Trunk's index.html preloads every snippet it found: its link goes too.
        if let Some(at) = page.find(s.as_str()) {
            let start = page.get(..at).and_then(|p| p.rfind("<link")).unwrap_or(at);
            let end = page.get(at..).and_then(|p| p.find('>')).map_or(at, |e| at + e + 1);
            page =
                format!("{}{}", page.get(..start).unwrap_or_default(), page.get(end..).unwrap_or_default());
        }
        eprintln!("    removed {s}: the glue does not import it (left over from an earlier build)");
    }
    std::fs::write(&html, page).map_err(|e| format!("index.html: {e}"))
}

/// Every file under `root/sub` (`sub` empty: all of `root`), as paths relative to `root` written with
/// `/`, sorted; none if the directory is missing.
fn files_under(root: &Path, sub: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut dirs = vec![root.join(sub)];
    while let Some(d) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(rel) = path.strip_prefix(root) {
                let parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
                out.push(parts.join("/"));
            }
        }
    }
    out.sort();
    out
}

/// Whether Trunk is making a release build (or no Trunk at all: `cargo xtask dist` is one).
fn release_profile() -> bool {
    std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release")
}

/// Minifies `files` (paths under `dir`) in place with terser, and updates `dir/index.html`'s
/// `integrity` hashes for them. Without terser (npm's tools not installed: `cargo xtask test` and
/// `dist` install them) the files stay as they are, with a warning: they work the same, only larger.
pub(crate) fn minify_js(dir: &Path, files: &[String]) -> Result {
    if files.is_empty() {
        return Ok(());
    }
    if !root().join("node_modules/terser/package.json").is_file() {
        eprintln!("warning: terser is not installed (npm ci): the JavaScript is not minified");
        return Ok(());
    }
    let mut node = cmd("node");
    node.arg(root().join("xtask/minify.mjs")).arg(dir).args(files);
    run("minify the JavaScript (terser)", &mut node)
}

/// `cargo xtask editor [DIR]` (Trunk's post-build hook, with `split-data`): the editor page, its own
/// entry beside the widget's: `DIR/editor.html`, and in `DIR/editor/` its wasm-bindgen module
/// (`src/bin/editor.rs`), script and stylesheet. A release build under `trunk build --release` (and
/// `cargo xtask dist`), a debug one under `trunk serve`. Nothing a news page loads changes: the widget's
/// files are not touched, and its wasm does not link the editor's code.
pub(crate) fn editor(args: &[String]) -> Result {
    let dir = staging_dir(args, "editor")?;
    let release = release_profile();
    let mut build = cmd(&super::cargo());
    // Without the widget's exports (feature `widget`): only the editor's own code is linked.
    build.args(["build", "--target", super::pins::WASM_TARGET, "--bin", "editor", "--no-default-features"]);
    if release {
        build.arg("--release");
    }
    run("the editor's wasm (cargo build --bin editor)", &mut build)?;
    let profile = if release { "release" } else { "debug" };
    let wasm = root().join("target").join(super::pins::WASM_TARGET).join(profile).join("editor.wasm");
    let out = dir.join("editor");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut bindgen = cmd("wasm-bindgen");
    bindgen.args(["--target", "web", "--no-typescript", "--weak-refs", "--out-name", "editor", "--out-dir"]);
    run("the editor's glue (wasm-bindgen)", bindgen.arg(&out).arg(&wasm))?;
    if release {
        let module = out.join("editor_bg.wasm");
        let mut opt = cmd("wasm-opt");
        opt.arg("-Oz").arg("--output").arg(&module).arg(&module);
        run("the editor's wasm, smaller (wasm-opt -Oz)", &mut opt)?;
    }
    for (from, to) in [
        ("assets/editor/editor.html", dir.join("editor.html")),
        ("assets/editor/ui.js", out.join("ui.js")),
        ("assets/editor/editor.css", out.join("editor.css")),
    ] {
        std::fs::copy(root().join(from), &to).map_err(|e| format!("{from} → {}: {e}", to.display()))?;
    }
    Ok(())
}
