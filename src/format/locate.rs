//! Where a value is in a JSON text: the line and column of each problem's path, for messages like
//! `timeline.json:12:7: events[3].date.month: 13 is not a month (1–12)`.
//!
//! One pass over the text with an explicit stack (no recursion, whatever the nesting), done only when
//! there are problems to place. Keys are positioned at their key, list items at their first character.

use super::DataError;

#[derive(Clone, Copy, PartialEq)]
enum Tok {
    Open(bool), // true: `[`
    Close,
    Comma,
    Colon,
    Str,
    Scalar,
}

struct Token {
    tok: Tok,
    line: usize,
    col: usize,
    /// The decoded text of a string.
    text: String,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let (mut line, mut col) = (1, 1);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let (l, cl) = (line, col);
        col += 1;
        let tok = match c {
            '\n' => {
                line += 1;
                col = 1;
                continue;
            }
            c if c.is_whitespace() => continue,
            '{' => Tok::Open(false),
            '[' => Tok::Open(true),
            '}' | ']' => Tok::Close,
            ',' => Tok::Comma,
            ':' => Tok::Colon,
            '"' => {
                let mut s = String::new();
                while let Some(c) = chars.next() {
                    col += 1;
                    match c {
                        '"' => break,
                        '\\' => {
                            col += 1;
                            match chars.next() {
                                Some('n') => s.push('\n'),
                                Some('t') => s.push('\t'),
                                Some('r') => s.push('\r'),
                                Some('b') => s.push('\u{8}'),
                                Some('f') => s.push('\u{c}'),
                                Some('u') => {
                                    let hex: String = chars.by_ref().take(4).collect();
                                    col += hex.chars().count();
                                    let code = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                                    s.push(code.unwrap_or('\u{fffd}'));
                                }
                                Some(other) => s.push(other),
                                None => break,
                            }
                        }
                        '\n' => {
                            line += 1;
                            col = 1;
                            s.push(c);
                        }
                        c => s.push(c),
                    }
                }
                out.push(Token { tok: Tok::Str, line: l, col: cl, text: s });
                continue;
            }
            _ => {
                // A number or a literal: read to the next delimiter.
                while chars.peek().is_some_and(|c| !matches!(c, ',' | '}' | ']' | ':') && !c.is_whitespace())
                {
                    chars.next();
                    col += 1;
                }
                Tok::Scalar
            }
        };
        out.push(Token { tok, line: l, col: cl, text: String::new() });
    }
    out
}

/// The line and column (1-based) of each path in `paths` (`events[3].date.month`), `None` where the
/// text has no such value. A path not found falls back to its nearest enclosing value.
pub fn locate(text: &str, paths: &[&str]) -> Vec<Option<(usize, usize)>> {
    let toks = tokens(text);
    let mut found: Vec<(String, usize, usize)> = Vec::new();
    let wanted = |p: &str| paths.iter().any(|w| w.starts_with(p) || p.is_empty());
    let mut path = String::new();
    // Open containers: is a list, current index, length of `path` at the container.
    let mut stack: Vec<(bool, usize, usize)> = Vec::new();
    let mut prev = Tok::Comma;
    let mut record = |path: &str, t: &Token| {
        if wanted(path) {
            found.push((path.to_owned(), t.line, t.col));
        }
    };
    for (i, t) in toks.iter().enumerate() {
        let next = toks.get(i + 1);
        match t.tok {
            Tok::Open(list) => {
                if stack.is_empty() {
                    record("", t);
                }
                stack.push((list, 0, path.len()));
                if let (true, Some(n)) = (list, next) {
                    if n.tok != Tok::Close {
                        path.push_str("[0]");
                        record(&path, n);
                    }
                }
            }
            Tok::Close => {
                if let Some((_, _, base)) = stack.pop() {
                    path.truncate(base);
                }
            }
            Tok::Comma => {
                if let Some((true, index, base)) = stack.last_mut() {
                    *index += 1;
                    path.truncate(*base);
                    path.push_str(&format!("[{index}]"));
                    if let Some(n) = next {
                        record(&path, n);
                    }
                }
            }
            Tok::Str
                if matches!(stack.last(), Some((false, _, _)))
                    && matches!(prev, Tok::Open(false) | Tok::Comma) =>
            {
                if let Some((_, _, base)) = stack.last() {
                    path.truncate(*base);
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&t.text);
                    record(&path, t);
                }
            }
            Tok::Str | Tok::Scalar | Tok::Colon => {}
        }
        prev = t.tok;
    }
    paths
        .iter()
        .map(|p| {
            let mut p: &str = p;
            loop {
                if let Some((_, l, c)) = found.iter().find(|(f, _, _)| f == p) {
                    return Some((*l, *c));
                }
                // The enclosing value: drop the last `.key` or `[i]`.
                let cut = p.rfind(['.', '['])?;
                p = p.get(..cut)?;
            }
        })
        .collect()
}

/// Fills in each problem's line and column from the text it was found in.
pub fn place(text: &str, errs: &mut [DataError]) {
    let paths: Vec<String> = errs.iter().map(|e| e.path.clone()).collect();
    let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
    for (e, at) in errs.iter_mut().zip(locate(text, &refs)) {
        if e.at.is_none() {
            e.at = at;
        }
    }
}
