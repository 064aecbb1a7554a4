//! The TimelineJS3 importer, on files written from the format's documentation (every field and quirk
//! in `tests/timelinejs/`): the converted file and the warnings are compared with snapshots
//! (`UPDATE_SNAPSHOTS=1` rewrites them), and the round trip holds: loading the TimelineJS3 file directly
//! gives the same timeline as loading the converted file.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::Path;

use anti_trafficking_timeline::format::{from_json, from_str, locate, timelinejs, Json};

fn import(name: &str) -> (String, String, Result<anti_trafficking_timeline::model::Timeline, Vec<String>>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/timelinejs").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let json: Json = serde_json::from_str(&text).unwrap();
    assert!(timelinejs::detect(&json), "{name} is not detected as TimelineJS3");
    let (ours, mut warnings) = timelinejs::import(&json);
    locate::place(&text, &mut warnings);
    let warnings: String = warnings
        .iter()
        .map(|w| {
            format!(
                "{name}:{}: {}: {}\n",
                w.at.map(|(l, c)| format!("{l}:{c}")).unwrap_or_default(),
                w.path,
                w.message
            )
        })
        .collect();
    let direct = from_json(&json).map_err(|e| e.iter().map(ToString::to_string).collect());
    (ours.to_pretty(), warnings, direct)
}

fn snapshot(file: &str, got: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/timelinejs").join(file);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, got).unwrap();
        return None;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    (want != got).then(|| format!("{file}:\n--- expected\n{want}--- got\n{got}"))
}

#[test]
fn every_field_and_quirk_converts_with_warnings_and_round_trips() {
    let mut failures = Vec::new();
    for name in ["minimal.json", "every-field.json", "bad-dates.json"] {
        let (out, warnings, direct) = import(name);
        let stem = name.trim_end_matches(".json");
        failures.extend(snapshot(&format!("{stem}.out.json"), &out));
        failures.extend(snapshot(&format!("{stem}.warnings.txt"), &warnings));
        // The converted file loads as this widget's format, to the same timeline (warnings aside).
        let converted = from_str(&out).map_err(|e| e.iter().map(ToString::to_string).collect::<Vec<_>>());
        match (direct, converted) {
            (Ok(mut a), Ok(mut b)) => {
                assert!(!a.warnings.is_empty(), "{name}: a TimelineJS3 file always loses something");
                a.warnings.clear();
                b.warnings.clear();
                assert_eq!(a, b, "{name}: direct and converted differ");
            }
            (Err(a), Err(b)) => assert_eq!(a, b, "{name}"),
            (a, b) => panic!("{name}: direct {a:?} vs converted {b:?}"),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn this_widgets_own_files_are_not_mistaken_for_timelinejs() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/timeline.json")).unwrap();
    let json: Json = serde_json::from_str(&text).unwrap();
    assert!(!timelinejs::detect(&json));
    for fixture in ["small.json", "bad.json", "wrong-shape.json"] {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(fixture),
        )
        .unwrap();
        assert!(!timelinejs::detect(&serde_json::from_str::<Json>(&text).unwrap()), "{fixture}");
    }
}

#[test]
fn an_empty_title_slide_headline_gives_no_title_and_a_warning() {
    let text = r#"{"title": {"text": {"headline": "<b> </b>", "text": "About"}},
      "events": [{"start_date": {"year": 2001}, "text": {"headline": "A"}}]}"#;
    let json: Json = serde_json::from_str(text).unwrap();
    let (ours, warnings) = timelinejs::import(&json);
    let out = ours.to_pretty();
    assert!(!out.contains("\"title\": \"\""), "{out}");
    assert!(
        warnings.iter().any(|w| w.path == "title.text.headline"
            && w.message == "is empty; the timeline is shown without a title"),
        "{warnings:?}"
    );
    // It loads, with the description and no title.
    let t = from_str(&out).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((t.title.as_str(), t.description.as_deref()), ("", Some("About")));
}

/// The five example files TimelineJS3 ships (`tests/fixtures/timelinejs-examples/`, MPL-2.0): each
/// imports, with nothing left out but what this widget does not show (media, backgrounds, markup),
/// and the cosmological ones keep their years, down to the Big Bang.
#[test]
fn every_example_file_timelinejs_ships_imports() {
    use anti_trafficking_timeline::format::sheet;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/timelinejs-examples/");
    let read = |f: &str| std::fs::read_to_string(format!("{dir}{f}")).unwrap();
    let mut counts = Vec::new();
    for f in ["all-media-types.json", "cosmo.json", "cosmo-mixed.json", "eras.json"] {
        let json: Json = serde_json::from_str(&read(f)).unwrap();
        assert!(timelinejs::detect(&json), "{f}");
        let (ours, warnings) = timelinejs::import(&json);
        let t = from_json(&ours).unwrap_or_else(|e| panic!("{f}: {e:?}"));
        let Json::Object(doc) = &json else { panic!("{f}") };
        let given = doc.iter().find(|(k, _)| k == "events").map_or(0, |(_, v)| match v {
            Json::Array(a) => a.len(),
            _ => 0,
        });
        assert_eq!(t.events.len(), given, "{f}: every event is kept ({warnings:?})");
        counts.push((f, t.events.len(), t.periods.len()));
        if f.starts_with("cosmo") {
            let big_bang = &t.events[0];
            assert_eq!(big_bang.when.start.year(), -13_800_000_000, "{f}");
            assert_eq!(big_bang.when.label_en(), "13,800,000,000 BCE");
        }
    }
    assert_eq!(
        counts,
        [
            ("all-media-types.json", 41, 0),
            ("cosmo.json", 7, 0),
            ("cosmo-mixed.json", 11, 0),
            ("eras.json", 20, 3)
        ]
    );
    // The fifth: the sample sheet, as a table.
    let csv = read("my-own-timeline.csv");
    let t =
        sheet::import(&csv, sheet::Delimiter::Comma).unwrap().validate().unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((t.title.as_str(), t.events.len()), ("MY OWN CSV", 10));
}
