//! `cargo xtask fuzz [--seconds N] [data|layout]`: libFuzzer through cargo-fuzz, on nightly.

use std::process::Stdio;

use super::{cargo, cmd, output_of, root, run, Result};
use crate::pins;

/// The fuzz targets in `fuzz/`: `data` (a data file through parsing, validation, layout and the
/// fallback) and `layout` (zoom, pan, placement and ticks with arbitrary numbers).
pub(crate) const FUZZ_TARGETS: [&str; 2] = ["data", "layout"];

/// Runs each fuzz target for `--seconds` (default 60) with cargo-fuzz on the nightly toolchain,
/// seeded with the repository's data files; prints executions and findings per target.
pub(crate) fn fuzz(args: &[String]) -> Result {
    let mut seconds = 60u64;
    let mut targets: Vec<&str> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seconds" => {
                seconds = it
                    .next()
                    .and_then(|s| s.parse().ok())
                    .filter(|n| *n > 0)
                    .ok_or("--seconds needs a number above 0")?;
            }
            other => match FUZZ_TARGETS.iter().find(|t| **t == other) {
                Some(t) => targets.push(t),
                None => {
                    return Err(format!(
                        "unknown fuzz argument {other:?}; targets: {}",
                        FUZZ_TARGETS.join(", ")
                    ))
                }
            },
        }
    }
    if targets.is_empty() {
        targets = FUZZ_TARGETS.to_vec();
    }
    if output_of("rustup", &["run", "nightly", "rustc", "--version"]).is_none() {
        run(
            "rustup toolchain install nightly",
            cmd("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]),
        )?;
    }
    if output_of("cargo-fuzz", &["--version"]).is_none() {
        run(
            "cargo install cargo-fuzz",
            cmd(&cargo()).args(["install", "cargo-fuzz", "--version", pins::CARGO_FUZZ]),
        )?;
    }
    let fuzz_dir = root().join("fuzz");
    // Seeds: the bundled data and every JSON fixture (copied: libFuzzer adds to its first corpus folder).
    let corpus = fuzz_dir.join("corpus/data");
    std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let mut seeds = vec![root().join("data/timeline.json")];
    for dir in ["tests/fixtures", "tests/fuzz-cases"] {
        if let Ok(entries) = std::fs::read_dir(root().join(dir)) {
            seeds.extend(
                entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")),
            );
        }
    }
    for (i, seed) in seeds.iter().enumerate() {
        let _ = std::fs::copy(seed, corpus.join(format!("seed-{i}.json")));
    }
    let mut report = Vec::new();
    for target in targets {
        let corpus = fuzz_dir.join("corpus").join(target);
        std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
        let mut c = cmd("cargo");
        c.args(["+nightly", "fuzz", "run", target])
            .arg(&corpus)
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            .arg("-rss_limit_mb=4096")
            .arg("-timeout=10");
        if target == "data" {
            c.arg(format!("-dict={}", fuzz_dir.join("data.dict").display()));
        }
        eprintln!("\n==> fuzz {target} for {seconds} s");
        let out = c.stderr(Stdio::piped()).output().map_err(|e| format!("cargo fuzz: {e}"))?;
        let log = String::from_utf8_lossy(&out.stderr);
        let done = log.lines().rev().find(|l| l.starts_with("Done ")).unwrap_or("(no summary)").to_owned();
        let crashes = std::fs::read_dir(fuzz_dir.join("artifacts").join(target))
            .map(|d| d.flatten().count())
            .unwrap_or(0);
        eprintln!("    {target}: {done}; artifacts: {crashes}");
        if !out.status.success() {
            let tail: Vec<&str> = log.lines().rev().take(40).collect();
            eprintln!("{}", tail.into_iter().rev().collect::<Vec<_>>().join("\n"));
            report.push(format!("{target}: FOUND A CRASH (see fuzz/artifacts/{target}/)"));
        } else {
            report.push(format!("{target}: {done}; no crash"));
        }
    }
    eprintln!("\nfuzzing:\n  {}", report.join("\n  "));
    if report.iter().any(|r| r.contains("CRASH")) {
        return Err(
            "a fuzz target crashed; turn each artifact into a regression test (tests/fuzz-cases/)".to_owned()
        );
    }
    Ok(())
}
