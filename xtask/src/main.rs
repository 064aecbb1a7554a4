//! Project automation: `cargo xtask <command>`, one file per group of commands. Two commands set up a
//! fresh Debian machine and do everything: `serve` and `test` (see [`COMMANDS`] for all of them).
//! Installs are idempotent: a tool already there at the pinned version (see `pins.rs`) is skipped.

mod bench;
mod breakdown;
mod build;
mod data;
mod deps;
mod fuzz;
mod pins;
mod setup;
mod test;

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

/// Every command, with its arguments and what it does (the usage text).
const COMMANDS: &[(&str, &str)] = &[
    ("serve [TRUNK ARGS…]", "install what is missing, then `trunk serve` on http://127.0.0.1:8080"),
    ("test", "install what is missing, then every check and test (CI runs this)"),
    ("setup", "install what is missing, and nothing else"),
    ("dist [--public-url /path/]", "the release build in dist/, for a newsroom's static host"),
    (
        "size [--breakdown]",
        "raw and gzip -9 sizes of dist/; --breakdown: the wasm's code by crate and module",
    ),
    ("e2e [SUITE…]", "the release builds, then the end-to-end suites (all by default)"),
    ("deps", "licences, advisories, duplicates and sources (cargo-deny, offline)"),
    ("bench", "this widget, TimelineJS and vis-timeline on the same data; writes bench/results.md"),
    ("fuzz [--seconds N] [data|layout]", "the fuzz targets (cargo-fuzz, nightly)"),
    ("check-data [FILE…]", "every problem in data files, with line and column"),
    ("import-timelinejs IN OUT", "convert a TimelineJS3 file, with what could not be kept"),
    (
        "import-sheet IN OUT",
        "convert a CSV/TSV table (TimelineJS sheet columns), problems at rows and columns",
    ),
    ("schema", "write data/timeline.schema.json from the decoder's field lists"),
    ("split-data [DIR]", "DIR/data/timeline.LANG.json: the bundled data, one file per language"),
    ("editor [DIR]", "DIR/editor.html and DIR/editor/: the editor page, its own entry"),
    (
        "post-build",
        "split-data, editor and (release) minify into Trunk's staging directory (Trunk.toml's hook)",
    ),
];

/// The usage text: every command.
fn usage() -> String {
    let mut out = String::from("usage: cargo xtask <command>\n\ncommands:\n");
    for (command, what) in COMMANDS {
        out.push_str(&format!("  {command:<34} {what}\n"));
    }
    out
}

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let started = Instant::now();
    let result = match args.first().map(String::as_str) {
        Some("serve") => test::serve(rest),
        Some("test") => test::test(),
        Some("setup") => setup::setup(setup::Need::All).map(|_| ()),
        Some("size") => match rest {
            [flag] if flag == "--breakdown" => breakdown::breakdown(),
            [] => build::size(&root().join("dist")),
            _ => Err("usage: cargo xtask size [--breakdown]".to_owned()),
        },
        Some("dist") => build::dist_command(rest),
        Some("bench") => bench::bench(),
        Some("fuzz") => fuzz::fuzz(rest),
        Some("e2e") => test::e2e_command(rest),
        Some("deps") => setup::ensure_cargo_deny()
            .and_then(|()| deps::check(None))
            .and_then(|()| deps::check_with_empty_cargo_home()),
        Some("schema") => data::write_schema(),
        Some("split-data") => data::split_data(rest),
        Some("editor") => build::editor(rest),
        Some("post-build") => data::split_data(&[])
            .and_then(|()| build::editor(&[]))
            .and_then(|()| build::prune_snippets(&[]))
            .and_then(|()| build::minify_release(&[])),
        Some("check-data") => data::check_data(rest),
        Some("import-timelinejs") => data::import_timelinejs(rest),
        Some("import-sheet") => data::import_sheet(rest),
        Some("help" | "--help" | "-h") => {
            print!("{}", usage());
            return ExitCode::SUCCESS;
        }
        other => {
            if let Some(o) = other {
                eprintln!("unknown command {o:?}\n");
            }
            eprint!("{}", usage());
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

#[cfg(test)]
mod tests {
    /// Every command that `main` accepts is in the usage text, and nothing else is.
    #[test]
    fn the_usage_lists_every_command() {
        let main = include_str!("main.rs");
        let body = main.split("fn main()").nth(1).and_then(|b| b.split("\n}\n").next()).unwrap_or_default();
        let mut accepted: Vec<&str> = body
            .split("Some(\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .filter(|c| !c.starts_with('-') && *c != "help")
            .collect();
        accepted.sort_unstable();
        let mut listed: Vec<&str> =
            super::COMMANDS.iter().filter_map(|(c, _)| c.split_whitespace().next()).collect();
        listed.sort_unstable();
        assert_eq!(accepted, listed);
        let usage = super::usage();
        assert!(super::COMMANDS.iter().all(|(c, what)| usage.contains(c) && usage.contains(what)));
    }
}
