//! Every tool version the project depends on, in one place. Files that must repeat a version
//! (Trunk.toml, package.json, Cargo.toml via Cargo.lock) are checked against these by `check_pins`.

/// Trunk: 0.22 needs a newer rustc than this machine has.
pub const TRUNK: &str = "0.21.14";
/// binaryen (wasm-opt) from npm; Debian's 108 cannot read wasm-bindgen 0.2.130 output.
pub const BINARYEN: &str = "132";
/// Debian packages for the browser tests (same version of both, from the same archive).
pub const APT_BROWSER: &[&str] = &["chromium", "chromium-driver"];
/// cargo-fuzz, for `cargo xtask fuzz` (runs on the nightly toolchain).
pub const CARGO_FUZZ: &str = "0.13.2";
/// cargo-deny: licences, advisories, duplicate crates and sources (`deny.toml`, `deps.rs`).
pub const CARGO_DENY: &str = "0.20.2";
/// The folder cargo-deny 0.20 opens for the RustSec database under its `db-path`: the URL's last
/// segment and its XxHash64 (seed 0xca80de71) of `https://github.com/rustsec/advisory-db`. Check it
/// again when CARGO_DENY changes (cargo-deny names the folder it could not open).
pub const DENY_RUSTSEC_DIR: &str = "advisory-db-3157b0e258782691";
/// wasm32 target.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The wasm-bindgen version in Cargo.lock (the CLI must match it exactly).
pub fn wasm_bindgen_in_lock(lock: &str) -> Option<String> {
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            let v = lines.next()?.trim().strip_prefix("version = \"")?.strip_suffix('"')?;
            return Some(v.to_owned());
        }
    }
    None
}

/// Checks that Trunk.toml and package.json repeat the pinned versions; returns every mismatch.
pub fn check_pins(trunk_toml: &str, package_json: &str, wasm_bindgen: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let want_wb = format!("wasm_bindgen = \"{wasm_bindgen}\"");
    if !trunk_toml.lines().any(|l| l.trim().starts_with(&want_wb)) {
        problems.push(format!("Trunk.toml [tools] must say {want_wb} (the version in Cargo.lock)"));
    }
    let want_opt = format!("wasm_opt = \"version_{BINARYEN}\"");
    if !trunk_toml.lines().any(|l| l.trim().starts_with(&want_opt)) {
        problems.push(format!("Trunk.toml [tools] must say {want_opt}"));
    }
    let want_npm = format!("\"binaryen\": \"{BINARYEN}.0.0\"");
    if !package_json.contains(&want_npm) {
        problems.push(format!("package.json must pin {want_npm}"));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_lock_file() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"9\"\n\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(wasm_bindgen_in_lock(lock).as_deref(), Some("0.2.130"));
        assert_eq!(wasm_bindgen_in_lock("nothing"), None);
    }

    #[test]
    fn the_repository_agrees_with_the_pins() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        let read = |f: &str| std::fs::read_to_string(format!("{root}/{f}")).unwrap_or_default();
        let wb = wasm_bindgen_in_lock(&read("Cargo.lock")).unwrap_or_default();
        assert_eq!(check_pins(&read("Trunk.toml"), &read("package.json"), &wb), Vec::<String>::new());
        assert_eq!(check_pins("", "", "1.0").len(), 3);
    }
}
