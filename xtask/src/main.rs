//! Project automation. Two commands set up a fresh Debian machine and do everything:
//!
//! - `cargo xtask serve`: installs what is missing, then runs `trunk serve` on http://127.0.0.1:8080;
//! - `cargo xtask test`: installs what is missing, then fmt, the dependency check (cargo-deny, offline,
//!   also with an empty Cargo cache), clippy (native and wasm32), native tests, browser tests, the
//!   release build, the end-to-end tests, and the size report.
//!
//! Also: `cargo xtask dist [--public-url /path/]` (the folder a newsroom copies to its static host),
//! `cargo xtask setup` (installs only), `cargo xtask size` (sizes of `dist/`), `cargo xtask bench`
//! (README, Performance), `cargo xtask fuzz [--seconds N] [data|layout]` (libFuzzer, nightly),
//! `cargo xtask deps` (the dependency check alone).
//! Installs are idempotent: a tool already there at the pinned version (see `pins.rs`) is skipped.

mod deps;
mod pins;

use std::env;
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let started = Instant::now();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(args.get(1..).unwrap_or_default()),
        Some("test") => test(),
        Some("setup") => setup(Need::All).map(|_| ()),
        Some("size") => size(&root().join("dist")),
        Some("dist") => dist_command(args.get(1..).unwrap_or_default()),
        Some("bench") => bench(),
        Some("fuzz") => fuzz(args.get(1..).unwrap_or_default()),
        Some("e2e") => e2e_command(args.get(1..).unwrap_or_default()),
        Some("deps" | "licences") => ensure_cargo_deny()
            .and_then(|()| deps::check(None))
            .and_then(|()| deps::check_with_empty_cargo_home()),
        Some("schema") => write_schema(),
        Some("check-data") => check_data(args.get(1..).unwrap_or_default()),
        Some("import-timelinejs") => import_timelinejs(args.get(1..).unwrap_or_default()),
        _ => {
            eprintln!(
                "usage: cargo xtask <serve|test|bench|fuzz [--seconds N] [data|layout]|e2e [SUITE…]|deps|dist [--public-url /path/]|setup|size>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => {
            eprintln!("xtask: done in {:.0} s", started.elapsed().as_secs_f64());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("\nxtask: FAILED: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (the parent of `xtask/`).
fn root() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    dir.parent().map_or(dir.clone(), Path::to_path_buf)
}

fn cargo() -> String {
    env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// PATH for child processes: npm's wasm-opt first (Debian's is too old), then cargo's bin directory.
fn tool_path() -> OsString {
    let mut dirs = vec![root().join("node_modules/.bin"), cargo_bin()];
    if let Some(p) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&p));
    }
    env::join_paths(dirs).unwrap_or_default()
}

fn cargo_bin() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from("/root/.cargo"))
        .join("bin")
}

fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root()).env("PATH", tool_path());
    c
}

/// Runs a command with inherited output; fails with its description.
fn run(what: &str, c: &mut Command) -> Result {
    eprintln!("\n==> {what}");
    let t = Instant::now();
    let status = c.status().map_err(|e| format!("{what}: could not start: {e}"))?;
    eprintln!("    ({what}: {:.1} s)", t.elapsed().as_secs_f64());
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// First line of `program --version`-like output, or None if it cannot run.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = cmd(program).args(args).stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn is_root() -> bool {
    output_of("id", &["-u"]).as_deref() == Some("0")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    /// What `trunk serve` needs.
    Serve,
    /// What a release build needs (adds wasm-opt).
    Build,
    /// Everything, for tests (adds the browser).
    All,
}

/// Installs what is missing. Returns the path of chromedriver when `need` is `All`.
fn setup(need: Need) -> Result<Option<String>> {
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

    // 4. npm tools: wasm-opt from binaryen (first on PATH, see tool_path) and axe-core for the tests.
    let opt = r.join("node_modules/.bin/wasm-opt");
    let opt_ok = output_of(&opt.to_string_lossy(), &["--version"])
        .is_some_and(|v| v.contains(&format!("version {}", pins::BINARYEN)));
    let axe_ok = r.join("node_modules/axe-core/axe.min.js").is_file()
        && r.join("node_modules/ajv/dist/2020.js").is_file();
    if opt_ok && axe_ok {
        eprintln!("ok: wasm-opt (binaryen {}), axe-core, ajv", pins::BINARYEN);
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
fn ensure_cargo_deny() -> Result {
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
fn apt_install(packages: &[&str]) -> Result {
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

fn dist_command(args: &[String]) -> Result {
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
        "Cache embed.js briefly (it is the stable name); every other file's name changes with its content."
    );
    Ok(())
}

/// The release build in `dist/`, plus the stable entry `embed.js` and the iframe page.
fn dist(public_url: &str) -> Result {
    dist_into(public_url, &root().join("dist"), None)
}

/// [`dist`] into `out`, with extra cargo features (the panic-test build).
fn dist_into(public_url: &str, out: &Path, features: Option<&str>) -> Result {
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
    let mut js = None;
    let mut wasm = None;
    for entry in std::fs::read_dir(&out).map_err(|e| format!("{}: {e}", out.display()))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("anti-trafficking-timeline-") && name.ends_with("_bg.wasm") {
            wasm = Some(name);
        } else if name.starts_with("anti-trafficking-timeline-") && name.ends_with(".js") {
            js = Some(name);
        }
    }
    let (js, wasm) = js.zip(wasm).ok_or("the release build has no wasm-bindgen output")?;
    let template = std::fs::read_to_string(root().join("assets/embed/embed.template.js"))
        .map_err(|e| format!("assets/embed/embed.template.js: {e}"))?;
    let entry = template.replace("{{WASM}}", &wasm).replace("{{GLUE}}", &js);
    std::fs::write(out.join("embed.js"), entry).map_err(|e| format!("embed.js: {e}"))?;
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
    let snippet = format!(
        "<script type=\"module\" src=\"{base}embed.js\"></script>\n<anti-trafficking-timeline>{fallback}</anti-trafficking-timeline>\n"
    );
    std::fs::write(out.join("snippet.html"), snippet).map_err(|e| format!("snippet.html: {e}"))?;
    for f in ["embed.html", "frame.js", "frame.css", "parent.js"] {
        std::fs::copy(root().join("assets/embed").join(f), out.join(f)).map_err(|e| format!("{f}: {e}"))?;
    }
    eprintln!("    wrote dist/embed.js (→ {js}), snippet.html, the fallback list in index.html, embed.html, frame.js, frame.css, parent.js");
    Ok(())
}

/// The release build, the peers (npm, under bench/), then tests/bench.rs; writes bench/results.md.
fn bench() -> Result {
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

/// The fuzz targets in `fuzz/`: `data` (a data file through parsing, validation, layout and the
/// fallback) and `layout` (zoom, pan, placement and ticks with arbitrary numbers).
const FUZZ_TARGETS: [&str; 2] = ["data", "layout"];

/// Runs each fuzz target for `--seconds` (default 60) with cargo-fuzz on the nightly toolchain,
/// seeded with the repository's data files; prints executions and findings per target.
fn fuzz(args: &[String]) -> Result {
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

fn serve(extra: &[String]) -> Result {
    setup(Need::Serve)?;
    run("trunk serve (http://127.0.0.1:8080)", cmd("trunk").arg("serve").args(extra))
}

fn test() -> Result {
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
    size(&root().join("dist"))
}

/// `cargo xtask check-data [FILE…]` (default `data/timeline.json`): every problem with its path, line
/// and column; fails if any file has errors (warnings do not fail).
fn check_data(files: &[String]) -> Result {
    let default = vec!["data/timeline.json".to_owned()];
    let files = if files.is_empty() { &default } else { files };
    let mut failed = 0;
    for f in files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?;
        let report = anti_trafficking_timeline::format::check::report(f, &text);
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
fn import_timelinejs(args: &[String]) -> Result {
    use anti_trafficking_timeline::format::{check, locate, timelinejs, Json};
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
fn write_schema() -> Result {
    let text = anti_trafficking_timeline::format::schema::text_of_schema()?;
    let path = root().join("data").join(anti_trafficking_timeline::format::schema::FILE_NAME);
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("wrote {}", path.display());
    Ok(())
}

/// The end-to-end suites (tests/e2e*.rs).
const E2E_SUITES: [&str; 4] = ["e2e", "e2e_embed", "e2e_a11y", "e2e_hardening"];

/// `cargo xtask e2e [SUITE…]`: the release builds, then the end-to-end suites (all by default).
fn e2e_command(args: &[String]) -> Result {
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
fn e2e(driver: &str, suites: &[&str]) -> Result {
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

/// Prints raw and gzip -9 sizes of the wasm, JS and CSS in `dist`.
fn size(dist: &Path) -> Result {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e} (build first)", dist.display()))?;
    let mut rows = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let kind = match path.extension().and_then(|e| e.to_str()) {
            Some("wasm") => "wasm",
            Some("js") => "js",
            Some("css") => "css",
            _ => continue,
        };
        let raw = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
        rows.push((
            kind,
            path.file_name().unwrap_or_default().to_string_lossy().into_owned(),
            raw,
            gzip9(&path)?,
        ));
    }
    rows.sort();
    eprintln!("\n==> release size (dist/)");
    println!("{:<6} {:>10} {:>12}  file", "kind", "bytes", "gzip -9");
    for (kind, name, raw, gz) in &rows {
        println!("{kind:<6} {raw:>10} {gz:>12}  {name}");
    }
    let (raw, gz) = rows.iter().fold((0, 0), |(a, b), r| (a + r.2, b + r.3));
    println!("{:<6} {raw:>10} {gz:>12}  (wasm + js + css)", "total");
    let data = root().join("data/timeline.json");
    let data_raw = std::fs::metadata(&data).map_err(|e| e.to_string())?.len();
    println!(
        "{:<6} {data_raw:>10} {:>12}  data/timeline.json (compiled into the wasm)",
        "data",
        gzip9(&data)?
    );
    Ok(())
}

fn gzip9(path: &Path) -> Result<u64> {
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
