//! The editor page's logic (`src/editor.rs`), natively: what a text is, its problems in check-data's
//! words and places, the data it downloads, and the snippet.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use anti_trafficking_timeline::editor::{check, snippet, Kind};
use anti_trafficking_timeline::format::check as report;
use anti_trafficking_timeline::model::Lang;

#[test]
fn each_kind_of_text_is_recognised_checked_and_converted() {
    // This widget's own data: valid, nothing to say, and the download is the same data.
    let own = anti_trafficking_timeline::BUNDLED_DATA;
    let c = check("data", own);
    assert_eq!((c.kind, c.problems.len()), (Kind::Native, 0));
    assert_eq!(c.summary, "data: ok: 64 events, 9 sessions, 11 periods");
    assert_eq!(report::report("x", c.json.as_deref().unwrap()).errors, 0);
    // A TimelineJS3 file (one of its own examples): converted, with what it lost as warnings.
    let tjs = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/timelinejs-examples/cosmo.json"
    ))
    .unwrap();
    let c = check("data", &tjs);
    assert_eq!(c.kind, Kind::TimelineJs);
    assert!(c.summary.starts_with("data: ok: 7 events"), "{}", c.summary);
    assert!(c.problems.iter().all(|p| p.kind == "warning") && !c.problems.is_empty());
    let converted = c.json.unwrap();
    assert!(converted.contains("\"origin\": \"timelinejs3\"") && converted.contains("-13800000000"));
    // Mistakes in JSON: each in check-data's words, at its line and column; nothing to download.
    let bad = own.replacen("\"month\": 11", "\"month\": 13", 1);
    let c = check("data", &bad);
    assert_eq!(c.problems.len(), 1);
    assert!(
        c.problems[0].text.contains(": error: events[")
            && c.problems[0].text.ends_with("].date.month: 13 is not a month (1–12)"),
        "{}",
        c.problems[0].text
    );
    let (line, col) = c.problems[0].at.unwrap();
    assert!(bad.lines().nth(line - 1).unwrap()[col - 1..].starts_with("\"month\": 13"));
    assert_eq!(c.json, None);
    // Tables, with commas or tabs; empty text is nothing yet.
    assert_eq!(check("data", "Year,Headline\n2004,A\n").kind, Kind::Csv);
    assert_eq!(check("data", "Year\tHeadline\n2004\tA\n").kind, Kind::Tsv);
    assert_eq!(check("data", "  \n").kind, Kind::Empty);
    let c = check("data", "Year,Headline\n2004,A\n20x4,B\n");
    assert_eq!(c.problems[0].text, "data:3:1: error: row 3, Year: \"20x4\" is not a whole number");
    // A syntax error, in check-data's words, with its place and the hint for a missing comma.
    let c = check("data", "{\n  \"version\": 1\n  \"events\": []\n}");
    assert_eq!(
        c.problems[0].text,
        "data:3:3: error: (whole file): not valid JSON: expected `,` or `}` at line 3 column 3; a comma is probably missing at the end of the line before"
    );
}

#[test]
fn the_snippet_has_the_chosen_attributes_and_escapes_them() {
    assert_eq!(
        snippet("https://news.example/timeline", "data/t.json", Some(Lang::Ru), "vertical", "dark"),
        "<script type=\"module\" src=\"https://news.example/timeline/embed.js\"></script>\n<anti-trafficking-timeline src=\"data/t.json\" lang=\"ru\" layout=\"vertical\" theme=\"dark\"></anti-trafficking-timeline>"
    );
    // Defaults leave attributes out; a quote cannot end the attribute.
    assert_eq!(
        snippet("/t/", "a\"b.json", None, "auto", "auto"),
        "<script type=\"module\" src=\"/t/embed.js\"></script>\n<anti-trafficking-timeline src=\"a&quot;b.json\"></anti-trafficking-timeline>"
    );
}

#[test]
fn a_timelinejs_files_problems_are_named_and_placed_as_its_own() {
    // The first event has no date (skipped), the second a year 0: the error names the file's
    // `events[1].start_date.year`, at its line, and the skip is still said.
    let text = "{\"events\": [\n  {\"text\": {\"headline\": \"x\"}},\n  {\"start_date\": {\"year\": 0}, \"text\": {\"headline\": \"y\"}}\n]}";
    let c = check("data", text);
    assert_eq!(c.kind, Kind::TimelineJs);
    let lines: Vec<&str> = c.problems.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        lines,
        [
            "data:3:19: error: events[1].start_date.year: there is no year 0: 1 BCE is -1, and 1 CE is 1",
            "data:2:3: warning: events[0]: has no start_date; TimelineJS3 skips such events, and so does this widget",
        ]
    );
}
