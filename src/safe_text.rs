/*!
Text from data files made safe for where it is written: a terminal, a
spreadsheet, a calendar program. Names, titles and sources come from files
that a host may load at run time (overlays, regulations), so every face that
prints them passes them through these functions:

- [`for_terminal`]: control characters (an ESC that repaints the screen, a
  carriage return that overwrites a line, bidirectional overrides) become
  U+FFFD.
- [`for_csv`]: a cell that a spreadsheet would run as a formula (starting
  with `=`, `+`, `-`, `@` or a tab) is prefixed with `'`,
  as OWASP's "CSV injection" advice says.
- [`for_ics`]: an iCalendar TEXT value escaped as RFC 5545 §3.3.11 says
  (`\\`, `;`, `,`, a line break as `\n`), other control characters removed.
- [`for_json_lines`]: U+2028, U+2029 and U+0085 escaped in JSON text, so
  that no reader splits a line at them.
- [`check_url`]: links are absolute `http`/`https` URLs without spaces or
  control characters; data files with others are refused when loaded.

```
use merzim::safe_text::{for_csv, for_ics, for_terminal};
assert_eq!(for_terminal("Nauryz\u{1b}[2J"), "Nauryz\u{fffd}[2J");
assert_eq!(for_csv("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
assert_eq!(for_ics("A, B; C\r\nD"), "A\\, B\\; C\\nD");
```
*/

use std::borrow::Cow;

use crate::names::Names;

/// `s` with control characters replaced ([`for_terminal`]), for text read
/// from a data file when it is loaded: it reaches terminals, spreadsheets and
/// calendars, and an ESC or a carriage return in a name must not repaint or
/// forge anything there.
pub(crate) fn printable(s: String) -> String {
    match for_terminal(&s) {
        Cow::Borrowed(_) => s,
        Cow::Owned(clean) => clean,
    }
}

/// [`printable`] of each language.
pub(crate) fn printable_names(n: Names) -> Names {
    Names {
        kk: printable(n.kk),
        ru: printable(n.ru),
        en: printable(n.en),
    }
}

/// Whether `c` must not reach a terminal as it is.
fn is_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with control characters (other than line feed and tab) and
/// bidirectional overrides replaced by U+FFFD.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_control) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_control(c) { '\u{fffd}' } else { c })
            .collect(),
    )
}

/// `s` as a spreadsheet cell that is never run as a formula: control
/// characters are replaced as by [`for_terminal`] (a leading carriage return
/// too), then a value starting with `=`, `+`, `-`, `@` or a tab gets a
/// leading `'`.
pub fn for_csv(s: &str) -> Cow<'_, str> {
    let clean = for_terminal(s);
    if clean.starts_with(['=', '+', '-', '@', '\t']) {
        return Cow::Owned(format!("'{clean}"));
    }
    clean
}

/// `s` as an iCalendar TEXT value (RFC 5545 §3.3.11): backslash, semicolon
/// and comma escaped, a line break (`\r\n`, `\n` or `\r`) written as `\n`,
/// other control characters (but tab) removed.
pub fn for_ics(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if is_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// JSON text with U+2028, U+2029 and U+0085 written as `\u` escapes: they
/// are valid inside JSON strings, but some readers take them for line ends
/// and would split a JSON Lines stream. They can only stand inside strings,
/// so replacing them keeps the JSON equal.
pub fn for_json_lines(json: String) -> String {
    if !has_line_separator(&json) {
        return json;
    }
    json.replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
        .replace('\u{85}', "\\u0085")
}

/// Whether `s` holds U+2028, U+2029 or U+0085: three substring searches,
/// which the standard library runs with vector instructions (a scan by
/// characters cost ten instructions a byte on every answer).
fn has_line_separator(s: &str) -> bool {
    s.contains("\u{2028}") || s.contains("\u{2029}") || s.contains("\u{85}")
}

/// Checks a link from a data file: an absolute `http://` or `https://` URL
/// with a host, at most 2,000 bytes, without spaces, quotes, angle brackets
/// or control characters. The error says what is wrong.
///
/// # Errors
///
/// A description of the problem, for the loader to put in its error.
pub fn check_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| {
            format!(
                "{} is not a link: expected an absolute http:// or https:// URL",
                crate::error::quoted(url)
            )
        })?;
    if url.len() > 2000 {
        return Err(format!(
            "the link {} is longer than 2000 bytes",
            crate::error::quoted(url)
        ));
    }
    if let Some(c) = url
        .chars()
        .find(|&c| c.is_control() || c.is_whitespace() || matches!(c, '"' | '<' | '>' | '`'))
    {
        return Err(format!(
            "the link {} contains {c:?}, which a link may not contain",
            crate::error::quoted(url)
        ));
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() {
        return Err(format!(
            "the link {} has no host",
            crate::error::quoted(url)
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal() {
        assert_eq!(for_terminal("plain"), "plain");
        assert!(matches!(for_terminal("plain"), Cow::Borrowed(_)));
        assert_eq!(
            for_terminal("a\rb\x07c\u{85}d\u{202e}e"),
            "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}e"
        );
        assert_eq!(for_terminal("two\nlines\tok"), "two\nlines\tok");
    }

    #[test]
    fn csv() {
        for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"] {
            assert!(for_csv(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(for_csv("\r=1"), "\u{fffd}=1");
        assert_eq!(for_csv("Nauryz"), "Nauryz");
        assert_eq!(for_csv("2026-03-23"), "2026-03-23");
    }

    #[test]
    fn ics() {
        assert_eq!(for_ics("a\\b"), "a\\\\b");
        assert_eq!(for_ics("x\ry\nz\r\nw"), "x\\ny\\nz\\nw");
        assert_eq!(for_ics("a\x1b[2Jb\tc"), "a[2Jb\tc");
    }

    #[test]
    fn json_line_ends() {
        let j = serde_json::to_string("a\u{2028}b\u{2029}c\u{85}d").unwrap();
        let safe = for_json_lines(j);
        assert_eq!(safe, r#""a\u2028b\u2029c\u0085d""#);
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{2028}b\u{2029}c\u{85}d");
    }

    #[test]
    fn urls() {
        assert!(check_url("https://adilet.zan.kz/rus/docs/Z010000267_").is_ok());
        assert!(check_url("http://example.kz").is_ok());
        for bad in [
            "javascript:alert(1)",
            "adilet.zan.kz/rus",
            "https://",
            "https://a\r\nBEGIN:VEVENT",
            "https://a b",
            "https://a/\"onmouseover",
            "ftp://x",
        ] {
            assert!(check_url(bad).is_err(), "{bad:?}");
        }
    }
}
