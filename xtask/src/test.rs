//! `cargo xtask serve`, `cargo xtask test` (every check and test; CI runs it) and `cargo xtask e2e`.

use super::build::{dist, dist_into, size};
use super::setup::{setup, Need};
use super::{cargo, cmd, deps, root, run, Result};
use crate::pins;

pub(crate) fn serve(extra: &[String]) -> Result {
    setup(Need::Serve)?;
    run("trunk serve (http://127.0.0.1:8080)", cmd("trunk").arg("serve").args(extra))
}

pub(crate) fn test() -> Result {
    let driver = setup(Need::All)?.ok_or("no chromedriver")?;
    let c = cargo();
    run("cargo fmt --check", cmd(&c).args(["fmt", "--all", "--check"]))?;
    deps::check(None)?;
    deps::check_with_empty_cargo_home()?;
    run(
        "clippy (native)",
        cmd(&c).args(["clippy", "--workspace", "--all-targets", "--all-features", "--", "-D", "warnings"]),
    )?;
    run(
        "clippy (wasm32)",
        cmd(&c).args([
            "clippy",
            "-p",
            "anti-trafficking-timeline",
            "--all-targets",
            "--target",
            pins::WASM_TARGET,
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    run("native tests (model, layout, data, xtask)", cmd(&c).args(["test", "--workspace"]))?;
    run(
        "the data and fixtures against data/timeline.schema.json (ajv, draft 2020-12)",
        cmd("node").arg("tests/schema/check.mjs"),
    )?;
    run(
        "browser tests (wasm-bindgen-test, headless Chromium)",
        cmd(&c)
            .args(["test", "--target", pins::WASM_TARGET, "--test", "browser"])
            .env("CHROMEDRIVER", &driver)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "180"),
    )?;
    e2e(&driver, &E2E_SUITES)?;
    super::breakdown::no_float_printing()?;
    super::breakdown::short_imports(&root().join("dist"))?;
    size(&root().join("dist"))
}

/// The end-to-end suites (tests/e2e*.rs).
pub(crate) const E2E_SUITES: [&str; 6] =
    ["e2e", "e2e_embed", "e2e_phone", "e2e_a11y", "e2e_hardening", "e2e_editor"];

/// `cargo xtask e2e [SUITE…]`: the release builds, then the end-to-end suites (all by default).
pub(crate) fn e2e_command(args: &[String]) -> Result {
    let suites: Vec<&str> = if args.is_empty() {
        E2E_SUITES.to_vec()
    } else {
        args.iter()
            .map(|a| E2E_SUITES.iter().find(|s| **s == a.as_str()).copied().ok_or(format!("no suite {a:?}")))
            .collect::<Result<_>>()?
    };
    let driver = setup(Need::All)?.ok_or("no chromedriver")?;
    e2e(&driver, &suites)
}

/// Builds `dist/` and the panic-test build, then runs `suites` against them.
pub(crate) fn e2e(driver: &str, suites: &[&str]) -> Result {
    dist("/")?;
    // A second build whose entry `panic-test` panics, for the test of the panic hook.
    let panic_dist = root().join("target/dist-panic");
    dist_into("/", &panic_dist, Some("panic-test"))?;
    let mut c = cmd(&cargo());
    c.args(["test", "--features", "e2e"]);
    for s in suites {
        c.args(["--test", s]);
    }
    run(
        "end-to-end tests (WebDriver against dist/)",
        c.env("CHROMEDRIVER", driver).env("E2E_DIST", root().join("dist")).env("E2E_DIST_PANIC", &panic_dist),
    )
}
