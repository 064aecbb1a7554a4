//! The dependency check: licences, security advisories, duplicate crates and sources, by cargo-deny
//! (`deny.toml`), offline, against a snapshot of the RustSec advisory database.
//!
//! - `cargo fetch --locked` first: cargo-deny reads `cargo metadata`, which needs every package in
//!   Cargo.lock, including ones no build here ever downloads (a fresh Cargo cache lacks them).
//! - The snapshot is a `.tar.gz` of the database's files (no git history). The newest of
//!   `$ADVISORY_DB` (a `.tar.gz` or a folder), `../shared/advisory-db.tar.gz` and the copy committed
//!   in `xtask/advisory-db.tar.gz` is unpacked under `target/advisory-dbs/`, in the folder cargo-deny
//!   expects for the RustSec URL, as a one-commit git repository whose fetch time is the snapshot's
//!   date, so that cargo-deny's own staleness limit (`maximum-db-staleness`) measures the real age.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use super::{cargo, cmd, root, run, Result};
use crate::pins;

/// Days after which the snapshot is reported as old (the run still passes until cargo-deny's
/// `maximum-db-staleness` in deny.toml).
const OLD_AFTER_DAYS: u64 = 90;

/// A snapshot of the advisory database: where it is and the date of its newest file.
struct Snapshot {
    path: PathBuf,
    /// `YYYY-MM-DD HH:MM:SS` (UTC), the newest modification time in it.
    stamp: String,
}

/// Runs the whole check. With `cargo_home`, every cargo and cargo-deny call uses that Cargo home
/// instead of the real one (the fresh-cache proof in `cargo xtask test`).
pub fn check(cargo_home: Option<&Path>) -> Result {
    let with_home = |c: &mut std::process::Command| {
        if let Some(h) = cargo_home {
            c.env("CARGO_HOME", h);
        }
    };
    let mut fetch = cmd(&cargo());
    fetch.args(["fetch", "--locked"]);
    with_home(&mut fetch);
    run("cargo fetch --locked (every package in Cargo.lock, for cargo metadata)", &mut fetch)?;

    let snapshot = newest_snapshot()?;
    let db_root = unpack(&snapshot)?;
    let date = snapshot.stamp.get(..10).unwrap_or(&snapshot.stamp).to_owned();
    let age = age_in_days(&snapshot.stamp);
    eprintln!(
        "    advisory database: RustSec snapshot of {date} ({} days old), from {}",
        age.map_or_else(|| "?".to_owned(), |d| d.to_string()),
        snapshot.path.display()
    );
    if age.is_some_and(|d| d > OLD_AFTER_DAYS) {
        eprintln!(
            "    note: the snapshot is older than {OLD_AFTER_DAYS} days; refresh it (README, Dependencies)"
        );
    }
    let mut deny = cmd(&cargo());
    deny.args(["deny", "--frozen", "--all-features", "check", "--show-stats"])
        .env("ATT_ADVISORY_DBS", &db_root);
    with_home(&mut deny);
    run(&format!("cargo deny check (licences, advisories as of {date}, bans, sources)"), &mut deny)
}

/// `cargo xtask test`'s proof that the check needs nothing from the real Cargo cache: the same check
/// with a new, empty Cargo home whose `bin/` is the real one (the tools stay installed).
pub fn check_with_empty_cargo_home() -> Result {
    let home = root().join("target/empty-cargo-home");
    if home.exists() {
        std::fs::remove_dir_all(&home).map_err(|e| format!("{}: {e}", home.display()))?;
    }
    std::fs::create_dir_all(&home).map_err(|e| format!("{}: {e}", home.display()))?;
    let real = super::cargo_bin();
    std::os::unix::fs::symlink(&real, home.join("bin")).map_err(|e| format!("link bin/: {e}"))?;
    // Settings are not cache: keep a registry mirror or proxy configured there.
    if let Some(real_home) = real.parent() {
        for f in ["config.toml", "config", "credentials.toml"] {
            if real_home.join(f).is_file() {
                let _ = std::fs::copy(real_home.join(f), home.join(f));
            }
        }
    }
    eprintln!("\n==> the dependency check with an empty Cargo cache ({})", home.display());
    let result = check(Some(&home));
    let _ = std::fs::remove_dir_all(&home);
    result
}

/// Every snapshot found, newest first by content date.
fn newest_snapshot() -> Result<Snapshot> {
    let r = root();
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(p) = std::env::var_os("ADVISORY_DB") {
        candidates.push(PathBuf::from(p));
    }
    candidates.push(r.join("../shared/advisory-db.tar.gz"));
    candidates.push(r.join("xtask/advisory-db.tar.gz"));
    let mut found: Vec<Snapshot> = candidates
        .into_iter()
        .filter(|p| p.exists())
        .filter_map(|path| newest_time(&path).map(|stamp| Snapshot { path, stamp }))
        .collect();
    found.sort_by(|a, b| b.stamp.cmp(&a.stamp));
    found.into_iter().next().ok_or_else(|| {
        "no RustSec advisory database snapshot: set ADVISORY_DB to a .tar.gz or folder of \
         https://github.com/rustsec/advisory-db (README, Dependencies)"
            .to_owned()
    })
}

/// The newest modification time in a `.tar.gz` (from its listing) or a folder (from `find`).
fn newest_time(path: &Path) -> Option<String> {
    let listing = if path.is_dir() {
        // In UTC, like the tar listing below.
        let out = cmd("find")
            .env("TZ", "UTC")
            .arg(path)
            .args(["-type", "f", "-printf", "%TY-%Tm-%Td %TH:%TM:%TS\n"])
            .stderr(Stdio::null())
            .output()
            .ok()?;
        String::from_utf8_lossy(&out.stdout).into_owned()
    } else {
        let out = cmd("tar")
            .env("TZ", "UTC")
            .args(["--list", "--verbose", "--full-time", "-z", "-f"])
            .arg(path)
            .stderr(Stdio::null())
            .output()
            .ok()?;
        if !out.status.success() {
            return None;
        }
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| {
                let f: Vec<&str> = l.split_whitespace().collect();
                Some(format!("{} {}", f.get(3)?, f.get(4)?))
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    listing
        .lines()
        .filter_map(|l| l.get(..19).map(str::to_owned))
        .filter(|s| s.as_bytes().get(4) == Some(&b'-'))
        .max()
}

/// Unpacks the snapshot (once per snapshot) as a git repository in the folder cargo-deny uses for
/// the RustSec URL; returns the root to give cargo-deny (`db-path` in deny.toml).
fn unpack(snapshot: &Snapshot) -> Result<PathBuf> {
    let db_root = root().join("target/advisory-dbs");
    let db = db_root.join(pins::DENY_RUSTSEC_DIR);
    let stamp_file = db_root.join("snapshot.txt");
    let stamp = format!("{}\n{}\n", snapshot.path.display(), snapshot.stamp);
    let git_ok = db.join(".git/FETCH_HEAD").is_file() && db.join("crates").is_dir();
    if git_ok && std::fs::read_to_string(&stamp_file).is_ok_and(|s| s == stamp) {
        return Ok(db_root);
    }
    if db.exists() {
        std::fs::remove_dir_all(&db).map_err(|e| format!("{}: {e}", db.display()))?;
    }
    std::fs::create_dir_all(&db).map_err(|e| format!("{}: {e}", db.display()))?;
    let quiet = |c: &mut std::process::Command, what: &str| -> Result {
        let out = c.output().map_err(|e| format!("{what}: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!("{what}: {}", String::from_utf8_lossy(&out.stderr).trim()))
        }
    };
    if snapshot.path.is_dir() {
        quiet(
            cmd("cp").arg("-a").arg(format!("{}/.", snapshot.path.display())).arg(&db),
            "copy the advisory database",
        )?;
        let _ = std::fs::remove_dir_all(db.join(".git"));
    } else {
        quiet(
            cmd("tar")
                .args(["-x", "-z", "--strip-components=1", "-f"])
                .arg(&snapshot.path)
                .arg("-C")
                .arg(&db),
            "unpack the advisory database",
        )?;
    }
    // A one-commit repository dated like the snapshot, and FETCH_HEAD with the snapshot's time, which
    // cargo-deny reads as the time of the last fetch.
    let date = format!("{} +0000", snapshot.stamp);
    let git = |args: &[&str]| {
        let mut c = cmd("git");
        c.current_dir(&db)
            .args(["-c", "user.name=xtask", "-c", "user.email=xtask@localhost", "-c", "commit.gpgsign=false"])
            .args(args)
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_DATE", &date);
        c
    };
    quiet(&mut git(&["init", "-q", "-b", "main"]), "git init (advisory database)")?;
    quiet(&mut git(&["add", "-A"]), "git add (advisory database)")?;
    quiet(&mut git(&["commit", "-q", "-m", "RustSec advisory database snapshot"]), "git commit")?;
    let fetch_head = db.join(".git/FETCH_HEAD");
    std::fs::write(&fetch_head, "").map_err(|e| format!("{}: {e}", fetch_head.display()))?;
    quiet(cmd("touch").env("TZ", "UTC").arg("-d").arg(&snapshot.stamp).arg(&fetch_head), "date FETCH_HEAD")?;
    std::fs::write(&stamp_file, stamp).map_err(|e| format!("{}: {e}", stamp_file.display()))?;
    Ok(db_root)
}

/// Whole days from `YYYY-MM-DD …` to now, or None if the date cannot be read.
fn age_in_days(stamp: &str) -> Option<u64> {
    let then = super::output_of("date", &["-u", "-d", stamp, "+%s"])?.parse::<u64>().ok()?;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    Some(now.saturating_sub(then) / 86_400)
}
