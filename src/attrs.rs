//! Settings the host page writes as text (attributes, `mount()` options), read without the browser so
//! that they are tested natively.

/// `600` → `600px`; `40em`, `80vh`, `100%` as given; anything else is ignored.
pub fn css_length(v: &str) -> Option<String> {
    let v = v.trim();
    let digits = v.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%');
    let unit = v.get(digits.len()..).unwrap_or_default();
    // A positive decimal below 100,000 (checked without float parsing, which costs wasm bytes).
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let number_ok = !(int.is_empty() && frac.is_empty())
        && int.len() <= 5
        && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
        && int.bytes().chain(frac.bytes()).any(|b| b != b'0');
    match unit {
        "" if number_ok => Some(format!("{digits}px")),
        "px" | "em" | "rem" | "vh" | "svh" | "dvh" | "%" if number_ok => Some(v.to_owned()),
        _ => None,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::css_length;

    #[test]
    fn heights() {
        assert_eq!(css_length("600").as_deref(), Some("600px"));
        assert_eq!(css_length(" 80vh ").as_deref(), Some("80vh"));
        assert_eq!(css_length("100%").as_deref(), Some("100%"));
        assert_eq!(css_length("12.5em").as_deref(), Some("12.5em"));
        for bad in ["", "px", "-5", "1e9", "600; color: red", "calc(1px)", "0", "0.0", "123456", "5 px", "."]
        {
            assert_eq!(css_length(bad), None, "{bad}");
        }
    }
}
