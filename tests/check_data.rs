//! Snapshots of what `cargo xtask check-data` prints for broken files: the text is API (editors read
//! it, tools parse `FILE:LINE:COLUMN: error: PATH: message`). Each `tests/check-data/NAME.json` has its
//! expected output in `NAME.txt`; `UPDATE_SNAPSHOTS=1 cargo test --test check_data` rewrites them
//! (review the diff before committing).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::Path;

#[test]
fn check_data_output_matches_the_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check-data");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 5, "{} cases", cases.len());
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for case in cases {
        let name = format!("tests/check-data/{}", case.file_name().unwrap().to_string_lossy());
        let text = std::fs::read_to_string(&case).unwrap();
        let report = anti_trafficking_timeline::format::check::report(&name, &text);
        let snap = case.with_extension("txt");
        if update {
            std::fs::write(&snap, &report.text).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&snap).unwrap_or_default();
        if want != report.text {
            failures.push(format!("{name}:\n--- expected\n{want}--- got\n{}", report.text));
        }
        // Warnings never fail a file; errors always do.
        assert_eq!(report.errors > 0, report.text.contains(": error: "), "{name}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
