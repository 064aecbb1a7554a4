//! `cargo xtask size --breakdown`: where the wasm's bytes are, by crate and by module of this crate.
//!
//! It reads the linked release wasm before wasm-bindgen and wasm-opt
//! (`target/wasm32-unknown-unknown/release/anti-trafficking-timeline.wasm`), whose name section still
//! names every function, and adds up the size of each function's code under the crate (and module)
//! its mangled name starts with. wasm-opt then shrinks the code by about a fifth, so the figures are
//! proportions to compare between builds, not the bytes a reader downloads (`cargo xtask size` gives
//! those).

use std::collections::BTreeMap;

use super::{root, Result};

/// Reads an unsigned LEB128 number at `*at`, moving past it.
fn leb(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut out = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        out |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(out);
        }
    }
    None
}

fn usize_leb(bytes: &[u8], at: &mut usize) -> Option<usize> {
    leb(bytes, at).and_then(|n| usize::try_from(n).ok())
}

/// What a wasm file is made of.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Parts {
    /// Code bytes of each defined function, with its name where the name section gives one.
    pub(crate) functions: Vec<(Option<String>, usize)>,
    /// Bytes of data segments (string constants, the bundled JSON, the stylesheet, tables).
    pub(crate) data: usize,
    /// Bytes of custom sections (names, producers, target features).
    pub(crate) custom: usize,
    /// Bytes of every other section (types, imports, exports, …).
    pub(crate) other: usize,
    /// Each import's module and name, in order.
    pub(crate) imports: Vec<(String, String)>,
}

/// Splits a wasm module into its parts (`None`: not a wasm module this reader understands).
pub(crate) fn parts(bytes: &[u8]) -> Option<Parts> {
    if bytes.get(..4)? != b"\0asm" || bytes.len() < 8 {
        return None;
    }
    let mut at = 8;
    let mut imported = 0usize;
    let mut sizes: Vec<usize> = Vec::new();
    let mut names: BTreeMap<usize, String> = BTreeMap::new();
    let mut out = Parts::default();
    while at < bytes.len() {
        let id = *bytes.get(at)?;
        at += 1;
        let len = usize_leb(bytes, &mut at)?;
        let body = bytes.get(at..at.checked_add(len)?)?;
        let mut p = 0;
        match id {
            2 => {
                // Imports: functions imported come first in the function index space.
                let n = usize_leb(body, &mut p)?;
                for _ in 0..n {
                    let mut text = || {
                        let l = usize_leb(body, &mut p)?;
                        let s = String::from_utf8_lossy(body.get(p..p.checked_add(l)?)?).into_owned();
                        p += l;
                        Some(s)
                    };
                    let module = text()?;
                    let name = text()?;
                    out.imports.push((module, name));
                    let kind = *body.get(p)?;
                    p += 1;
                    match kind {
                        0 => {
                            imported += 1;
                            leb(body, &mut p)?;
                        }
                        1 => {
                            p += 1;
                            let flags = leb(body, &mut p)?;
                            leb(body, &mut p)?;
                            if flags & 1 == 1 {
                                leb(body, &mut p)?;
                            }
                        }
                        2 => {
                            let flags = leb(body, &mut p)?;
                            leb(body, &mut p)?;
                            if flags & 1 == 1 {
                                leb(body, &mut p)?;
                            }
                        }
                        3 => p += 2,
                        _ => leb(body, &mut p).map(|_| ())?,
                    }
                }
                out.other += len;
            }
            10 => {
                let n = usize_leb(body, &mut p)?;
                for _ in 0..n {
                    let size = usize_leb(body, &mut p)?;
                    sizes.push(size);
                    p = p.checked_add(size).filter(|&e| e <= body.len())?;
                }
            }
            11 => out.data += len,
            0 => {
                let l = usize_leb(body, &mut p)?;
                let name = body.get(p..p.checked_add(l)?)?;
                p += l;
                if name == b"name" {
                    while p < body.len() {
                        let sub = *body.get(p)?;
                        p += 1;
                        let sub_len = usize_leb(body, &mut p)?;
                        let end = p.checked_add(sub_len)?;
                        if sub == 1 {
                            let n = usize_leb(body, &mut p)?;
                            for _ in 0..n {
                                let index = usize_leb(body, &mut p)?;
                                let l = usize_leb(body, &mut p)?;
                                let text =
                                    String::from_utf8_lossy(body.get(p..p.checked_add(l)?)?).into_owned();
                                p += l;
                                names.insert(index, text);
                            }
                        }
                        p = end;
                    }
                }
                out.custom += len;
            }
            _ => out.other += len,
        }
        at += len;
    }
    out.functions =
        sizes.into_iter().enumerate().map(|(i, size)| (names.remove(&(imported + i)), size)).collect();
    Some(out)
}

/// The crate and module path a mangled Rust name starts with: `_ZN3yew9scheduler5start17h…E` →
/// `["yew", "scheduler", "start"]`; an impl `_ZN79_$LT$yew..html..Html$u20$as$u20$…` → `["yew",
/// "html", "Html"]`. `None` for names that are not Rust's (JavaScript shims, `memcpy`, …).
pub(crate) fn path_of(name: &str) -> Option<Vec<String>> {
    if let Some(v0) = name.strip_prefix("_R") {
        return v0_crate(v0).map(|c| vec![c]);
    }
    let mut rest = name.strip_prefix("_ZN")?;
    let mut parts = Vec::new();
    while let Some(digits) = rest.find(|c: char| !c.is_ascii_digit()).filter(|&d| d > 0) {
        let (len, after) = rest.split_at(digits);
        let len: usize = len.parse().ok()?;
        let Some(ident) = after.get(..len) else { break };
        rest = after.get(len..)?;
        parts.push(ident.to_owned());
        if parts.len() >= 4 {
            break;
        }
    }
    let first = parts.first()?.clone();
    // `<Type as Trait>::method`: the path of the type.
    if let Some(inner) = first.strip_prefix("_$LT$").or_else(|| first.strip_prefix("$LT$")) {
        let ty = inner.split("$u20$").next().unwrap_or(inner).trim_start_matches('&');
        let segs: Vec<String> = ty.split("..").filter(|s| !s.is_empty()).map(str::to_owned).collect();
        return (!segs.is_empty()).then_some(segs);
    }
    Some(parts)
}

/// The crate of a v0-mangled name (the standard library's): its first crate root, `C`, an optional
/// disambiguator `s…_`, then the length-prefixed name (`Cs0abc_4core` → `core`).
fn v0_crate(rest: &str) -> Option<String> {
    let mut from = 0;
    while let Some(c) = rest.get(from..)?.find('C') {
        let mut after = rest.get(from + c + 1..)?;
        if let Some(s) = after.strip_prefix('s') {
            after = s.split_once('_').map(|(_, a)| a)?;
        }
        let digits = after.find(|ch: char| !ch.is_ascii_digit()).unwrap_or(0);
        if digits > 0 {
            let len: usize = after.get(..digits)?.parse().ok()?;
            if let Some(ident) = after.get(digits..digits.checked_add(len)?) {
                if ident.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_') {
                    return Some(ident.to_owned());
                }
            }
        }
        from += c + 1;
    }
    None
}

/// The module (at most two levels) of a path in this crate: without the crate, the legacy hash
/// (`h` and 16 hex digits), the function's own name, and type names (`state::minutes::h…` → `state`;
/// `components::stage::Stage` → `components::stage`).
fn module_of(path: &[String]) -> String {
    let hash =
        |s: &String| s.len() == 17 && s.starts_with('h') && s.chars().skip(1).all(|c| c.is_ascii_hexdigit());
    let mut segs: Vec<&String> =
        path.iter().skip(1).filter(|s| !hash(s) && !s.contains('{') && !s.contains('$')).collect();
    // The last segment names the function (or the type of an impl): not a module.
    segs.pop();
    segs.into_iter()
        .filter(|s| s.starts_with(|c: char| c.is_ascii_lowercase()) && !s.contains('$') && !s.contains('{'))
        .take(2)
        .cloned()
        .collect::<Vec<_>>()
        .join("::")
}

/// Whether a first path segment names a crate (not a generic or primitive type of an impl).
fn is_crate(s: &str) -> bool {
    const PRIMITIVES: [&str; 17] = [
        "bool", "char", "str", "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32",
        "u64", "u128", "usize",
    ];
    s.len() > 1
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !PRIMITIVES.contains(&s)
}

/// Prints code bytes by crate, by module of this crate, and the data and other sections.
/// Fails if the widget's linked wasm prints floats (core's `flt2dec`, about 9 KB gzip -9 of a news
/// page): an `f64` formatted with `{}` or `{:?}`, or a panic message that formats one (`f64::clamp`'s).
/// `cargo xtask test` runs it after the release build.
pub(crate) fn no_float_printing() -> Result {
    let path = root().join("target/wasm32-unknown-unknown/release/anti-trafficking-timeline.wasm");
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let parts = parts(&bytes).ok_or_else(|| format!("{}: not a wasm module", path.display()))?;
    let printing: Vec<&str> = parts
        .functions
        .iter()
        .filter_map(|(name, _)| name.as_deref())
        .filter(|n| {
            n.contains("flt2dec")
                || n.contains("float_to_decimal")
                // `impl Display for f64` / `Debug`, mangled or not, should LTO inline the rest.
                || (n.contains("fmt") && (n.contains("for$u20$f64") || n.contains(" for f64")))
        })
        .collect();
    if printing.is_empty() {
        eprintln!("ok: the widget's wasm prints no floats");
        Ok(())
    } else {
        Err(format!(
            "the widget's wasm prints floats ({} functions, e.g. {}): find the `f64` formatted with {{}} or {{:?}}, or the f64::clamp (use layout::within) — see ARCHITECTURE.md, Invariants",
            printing.len(),
            printing.first().copied().unwrap_or_default()
        ))
    }
}

/// Checks that `cargo xtask post-build` gave the shipped wasm's imports from its glue short names
/// (`xtask/imports.mjs`): wasm-bindgen's own names carry 16 hex digits each, about 6 KB gzip in all.
pub(crate) fn short_imports(dist: &std::path::Path) -> Result {
    let wasm = dist.join(super::build::widget_files(dist)?.1);
    let bytes = std::fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let parts = parts(&bytes).ok_or_else(|| format!("{}: not a wasm module", wasm.display()))?;
    let long = long_imports(&parts);
    match long.first() {
        None => {
            let short = parts.imports.iter().filter(|(m, _)| m == "./a").count();
            eprintln!(
                "ok: the widget's wasm imports its {short} functions from the glue by short names ({} from snippets keep theirs)",
                parts.imports.len() - short
            );
            Ok(())
        }
        Some((m, n)) => Err(format!(
            "{}: {} imports keep their long names (e.g. {m} {n}): did `cargo xtask post-build` run xtask/imports.mjs?",
            wasm.display(),
            long.len()
        )),
    }
}

/// The imports that `xtask/imports.mjs` would have shortened but that keep a long name: any not from a
/// snippet (`./snippets/…`) that is not `./a` with a name of one or two letters.
fn long_imports(parts: &Parts) -> Vec<&(String, String)> {
    parts
        .imports
        .iter()
        .filter(|(m, n)| !m.starts_with("./snippets/") && (m != "./a" || n.len() > 2))
        .collect()
}

pub(crate) fn breakdown() -> Result {
    let path = root().join("target/wasm32-unknown-unknown/release/anti-trafficking-timeline.wasm");
    let bytes = std::fs::read(&path)
        .map_err(|e| format!("{}: {e} (run `cargo xtask dist` first)", path.display()))?;
    let parts = parts(&bytes).ok_or_else(|| format!("{}: not a wasm module", path.display()))?;
    let descriptor =
        |name: &Option<String>| name.as_deref().is_some_and(|n| n.starts_with("__wbindgen_describe"));
    // wasm-bindgen reads and removes its descriptor functions: they are not in the shipped wasm.
    let removed: usize = parts.functions.iter().filter(|f| descriptor(&f.0)).map(|f| f.1).sum();
    let code: usize = parts.functions.iter().filter(|f| !descriptor(&f.0)).map(|f| f.1).sum();
    let mut by_crate: BTreeMap<String, usize> = BTreeMap::new();
    let mut ours: BTreeMap<String, usize> = BTreeMap::new();
    for (name, size) in parts.functions.iter().filter(|f| !descriptor(&f.0)) {
        let path = name.as_deref().and_then(path_of);
        let krate = match (name, path.as_ref().and_then(|p| p.first())) {
            (_, Some(k)) if is_crate(k) => k.clone(),
            (_, Some(_)) => "(impls on generic or primitive types)".to_owned(),
            (Some(_), None) => "(wasm-bindgen exports and shims)".to_owned(),
            (None, None) => "(unnamed)".to_owned(),
        };
        *by_crate.entry(krate.clone()).or_default() += size;
        if krate == "anti_trafficking_timeline" {
            let module = path
                .as_ref()
                .map(|p| module_of(p))
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "(crate root)".to_owned());
            *ours.entry(module).or_default() += size;
        }
    }
    let total = bytes.len();
    // Per mille in integers (no lossy cast): 123 → "12.3".
    let share = |n: usize| {
        let pm = n.saturating_mul(1000).checked_div(total).unwrap_or(0);
        format!("{}.{}", pm / 10, pm % 10)
    };
    println!("{} ({total} bytes before wasm-bindgen and wasm-opt)\n", path.display());
    println!("{:>10} {:>6}  part", "bytes", "%");
    for (what, n) in [
        ("code", code),
        ("wasm-bindgen descriptors (removed by wasm-bindgen)", removed),
        ("data segments (strings, JSON, CSS)", parts.data),
        ("custom sections (names, …)", parts.custom),
        ("other sections", parts.other),
    ] {
        println!("{n:>10} {:>5}%  {what}", share(n));
    }
    let mut crates: Vec<(String, usize)> = by_crate.into_iter().collect();
    crates.sort_by_key(|c| std::cmp::Reverse(c.1));
    let of_code = |n: usize| {
        let pm = n.saturating_mul(1000).checked_div(code).unwrap_or(0);
        format!("{}.{}", pm / 10, pm % 10)
    };
    println!("\ncode by crate (% of the code):");
    for (krate, n) in &crates {
        println!("{n:>10} {:>5}%  {krate}", of_code(*n));
    }
    let mut modules: Vec<(String, usize)> = ours.into_iter().collect();
    modules.sort_by_key(|m| std::cmp::Reverse(m.1));
    println!("\ncode of this crate by module (% of the code):");
    for (module, n) in &modules {
        println!("{n:>10} {:>5}%  {module}", of_code(*n));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::cast_possible_truncation)] // lengths of a tiny test module
mod tests {
    use super::*;

    #[test]
    fn mangled_names_give_their_crate_and_module() {
        assert_eq!(
            path_of("_ZN3yew9scheduler5start17h0123456789abcdefE"),
            Some(vec![
                "yew".to_owned(),
                "scheduler".to_owned(),
                "start".to_owned(),
                "h0123456789abcdef".to_owned()
            ])
        );
        let ty = "_$LT$anti_trafficking_timeline..state..ViewState$u20$as$u20$core..clone..Clone$GT$";
        let name = format!("_ZN{}{ty}5clone17hE", ty.len());
        assert_eq!(
            path_of(&name).and_then(|p| p.get(..2).map(<[String]>::to_vec)),
            Some(vec!["anti_trafficking_timeline".to_owned(), "state".to_owned()])
        );
        assert_eq!(
            path_of("_RNvNtNtCsgXGp5Oqx2Ny_4core3fmt5float29float_to_decimal_common_exactdEB6_"),
            Some(vec!["core".to_owned()])
        );
        assert!(!is_crate("T") && !is_crate("u8") && is_crate("yew"));
        let p = |s: &str| s.split("::").map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(module_of(&p("anti_trafficking_timeline::state::minutes::h0123456789abcdef")), "state");
        assert_eq!(module_of(&p("anti_trafficking_timeline::components::stage::Stage")), "components::stage");
        assert_eq!(module_of(&p("anti_trafficking_timeline::start::h0123456789abcdef")), "");
        assert_eq!(
            module_of(&p("anti_trafficking_timeline::intl::range::{{closure}}::h0123456789abcdef")),
            "intl"
        );
        assert_eq!(path_of("__wbg_setTimeout_a89f"), None);
        assert_eq!(path_of("memcpy"), None);
    }

    #[test]
    fn a_small_module_is_split_into_its_parts() {
        // magic, version; type section; import section (one function); function section; code
        // section (two bodies of 3 and 5 bytes); data section; name section naming function 2.
        let mut w = b"\0asm\x01\0\0\0".to_vec();
        w.extend([1, 4, 1, 0x60, 0, 0]);
        w.extend([2, 7, 1, 1, b'm', 1, b'f', 0, 0]);
        w.extend([3, 3, 2, 0, 0]);
        w.extend([10, 11, 2, 3, 0, 0, 0x0b, 5, 0, 0, 0, 0, 0x0b]);
        w.extend([11, 4, 0, 0, 0, 0]);
        let name = b"_ZN3abc1f1hE";
        let mut sub = vec![1u8, 2, name.len() as u8];
        sub.extend(name);
        let mut custom = vec![4u8];
        custom.extend(b"name");
        custom.push(1);
        custom.push(sub.len() as u8);
        custom.extend(&sub);
        w.push(0);
        w.push(custom.len() as u8);
        w.extend(&custom);
        let p = parts(&w).unwrap_or_default();
        assert_eq!(p.functions, vec![(None, 3), (Some("_ZN3abc1f1hE".to_owned()), 5)]);
        assert_eq!((p.data, p.custom), (4, custom.len()));
        assert_eq!(p.imports, vec![("m".to_owned(), "f".to_owned())]);
        assert_eq!(long_imports(&p).len(), 1, "not shortened");
        let named = |m: &str, n: &str| (m.to_owned(), n.to_owned());
        let short = Parts {
            imports: vec![
                named("./a", "b"),
                named("./a", "Zq"),
                named("./snippets/x-1/inline0.js", "measure"),
            ],
            ..Parts::default()
        };
        assert!(long_imports(&short).is_empty());
        let left = Parts {
            imports: vec![named("./a", "b"), named("./a", "__wbg_now_463ac581d2fc7ea3")],
            ..Parts::default()
        };
        assert_eq!(long_imports(&left), vec![&named("./a", "__wbg_now_463ac581d2fc7ea3")]);
        assert_eq!(parts(b"not wasm"), None);
        assert_eq!(parts(b"\0asm"), None, "no version");
        // A body or a name longer than anything: refused, never a panic.
        let mut huge = b"\0asm\x01\0\0\0".to_vec();
        huge.extend([10, 11, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
        assert_eq!(parts(&huge), None);
    }
}
