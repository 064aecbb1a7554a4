//! `cargo xtask bench`: this widget, TimelineJS and vis-timeline on the same data (README, Performance).

use super::build::dist;
use super::setup::{setup, Need};
use super::{cargo, cmd, root, run, Result};

/// The release build, the peers (npm, under bench/), then tests/bench.rs; writes bench/results.md.
pub(crate) fn bench() -> Result {
    let driver = setup(Need::All)?.ok_or("no chromedriver")?;
    dist("/")?;
    let peers = root().join("bench");
    if peers.join("node_modules/vis-timeline/package.json").is_file()
        && peers.join("node_modules/@knight-lab/timelinejs/package.json").is_file()
    {
        eprintln!("ok: peers in bench/node_modules");
    } else {
        let verb = if peers.join("package-lock.json").is_file() { "ci" } else { "install" };
        run("npm (peers)", cmd("npm").current_dir(&peers).args([verb, "--no-audit", "--no-fund"]))?;
    }
    run(
        "benchmark (this widget, TimelineJS, vis-timeline)",
        cmd(&cargo())
            .args(["test", "--release", "--features", "bench", "--test", "bench", "--", "--nocapture"])
            .env("CHROMEDRIVER", &driver)
            .env("E2E_DIST", root().join("dist")),
    )
}
