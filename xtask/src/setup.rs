//! `cargo xtask setup`: installs what is missing, at the versions in `pins.rs`; every other command
//! calls it for what it needs.

use super::{cargo, cmd, is_root, output_of, root, run, Result};
use crate::pins;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    /// What `trunk serve` needs.
    Serve,
    /// What a release build needs (adds wasm-opt).
    Build,
    /// Everything, for tests (adds the browser).
    All,
}

/// Installs what is missing. Returns the path of chromedriver when `need` is `All`.
pub(crate) fn setup(need: Need) -> Result<Option<String>> {
    let r = root();
    let read = |f: &str| std::fs::read_to_string(r.join(f)).map_err(|e| format!("cannot read {f}: {e}"));
    let wb = pins::wasm_bindgen_in_lock(&read("Cargo.lock")?).ok_or("Cargo.lock has no wasm-bindgen")?;
    let problems = pins::check_pins(&read("Trunk.toml")?, &read("package.json")?, &wb);
    if !problems.is_empty() {
        return Err(format!("version pins disagree:\n  {}", problems.join("\n  ")));
    }

    // 1. The wasm32 target.
    let targets = output_of("rustup", &["target", "list", "--installed"]).ok_or(
        "rustup not found; install Rust with rustup (https://rustup.rs), then run this command again",
    )?;
    if targets.lines().any(|l| l.trim() == pins::WASM_TARGET) {
        eprintln!("ok: rust target {}", pins::WASM_TARGET);
    } else {
        run("rustup target add", cmd("rustup").args(["target", "add", pins::WASM_TARGET]))?;
    }

    // 2. Trunk.
    if output_of("trunk", &["--version"]).as_deref() == Some(&format!("trunk {}", pins::TRUNK)) {
        eprintln!("ok: trunk {}", pins::TRUNK);
    } else {
        eprintln!("installing trunk {} (about 8 minutes on 2 cores, once)", pins::TRUNK);
        run(
            "cargo install trunk",
            cmd(&cargo()).args(["install", "--locked", "trunk", "--version", pins::TRUNK]),
        )?;
    }

    // 3. wasm-bindgen-cli = the version in Cargo.lock (without --locked: see toolchain notes).
    let wb_ok = output_of("wasm-bindgen", &["--version"]).as_deref() == Some(&format!("wasm-bindgen {wb}"))
        && output_of("wasm-bindgen-test-runner", &["--version"]).is_some_and(|v| v.contains(&wb));
    if wb_ok {
        eprintln!("ok: wasm-bindgen {wb}");
    } else {
        run(
            "cargo install wasm-bindgen-cli",
            cmd(&cargo()).args(["install", "--force", "wasm-bindgen-cli", "--version", &wb]),
        )?;
    }
    if need == Need::Serve {
        return Ok(None);
    }

    // 4. npm tools: wasm-opt from binaryen (first on PATH, see tool_path), terser (release builds'
    //    JavaScript), axe-core and ajv for the tests.
    let opt = r.join("node_modules/.bin/wasm-opt");
    let opt_ok = output_of(&opt.to_string_lossy(), &["--version"])
        .is_some_and(|v| v.contains(&format!("version {}", pins::BINARYEN)));
    let axe_ok = r.join("node_modules/axe-core/axe.min.js").is_file()
        && r.join("node_modules/ajv/dist/2020.js").is_file()
        && r.join("node_modules/terser/package.json").is_file();
    if opt_ok && axe_ok {
        eprintln!("ok: wasm-opt (binaryen {}), terser, axe-core, ajv", pins::BINARYEN);
    } else {
        if output_of("npm", &["--version"]).is_none() {
            apt_install(&["nodejs", "npm"])?;
        }
        run("npm ci (binaryen)", cmd("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    }

    if need == Need::Build {
        return Ok(None);
    }

    // 5. cargo-deny, for the dependency check.
    ensure_cargo_deny()?;

    // 6. Chromium and chromedriver from Debian.
    let chrome = output_of("chromium", &["--version"]);
    let driver = output_of("chromedriver", &["--version"]);
    if chrome.is_some() && driver.is_some() {
        eprintln!("ok: {}", chrome.unwrap_or_default());
    } else {
        apt_install(pins::APT_BROWSER)?;
    }
    let driver = output_of("which", &["chromedriver"]).ok_or("chromedriver is not on PATH after install")?;
    Ok(Some(driver))
}

/// Installs cargo-deny at the pinned version unless it is there.
pub(crate) fn ensure_cargo_deny() -> Result {
    if output_of("cargo-deny", &["--version"]).as_deref() == Some(&format!("cargo-deny {}", pins::CARGO_DENY))
    {
        eprintln!("ok: cargo-deny {}", pins::CARGO_DENY);
        return Ok(());
    }
    eprintln!("installing cargo-deny {} (about 3 minutes on 2 cores, once)", pins::CARGO_DENY);
    run(
        "cargo install cargo-deny",
        cmd(&cargo()).args(["install", "--locked", "cargo-deny", "--version", pins::CARGO_DENY]),
    )
}

/// Installs Debian packages, or explains exactly how when this process cannot.
pub(crate) fn apt_install(packages: &[&str]) -> Result {
    let line = format!("apt-get update && apt-get install -y {}", packages.join(" "));
    if !is_root() || output_of("apt-get", &["--version"]).is_none() {
        return Err(format!("missing {}; run as root:\n    {line}", packages.join(", ")));
    }
    run("apt-get update", cmd("apt-get").arg("update").arg("-q"))?;
    run(
        "apt-get install",
        cmd("apt-get").args(["install", "-y", "-q", "--no-install-recommends"]).args(packages),
    )
}
