//! A lean JSON reader and writer for payloads.
//!
//! The JS layer hands the validator the exact text `JSON.stringify` would send to the server, so the
//! rules see what OpenSpecimen sees. Strings borrow from the input when they hold no escapes, numbers
//! keep their text (no float parsing or formatting, which would cost size and change values), and
//! nesting is bounded without recursion limits being hit: a value nested deeper than [`MAX_DEPTH`] is
//! kept as raw text and reported by the rules, never walked.

use std::borrow::Cow;

/// Deepest nesting parsed into values. Real payloads nest 4 levels; custom-form data a few more.
pub const MAX_DEPTH: usize = 64;

/// Largest payload text accepted, in bytes (the JS layer checks the same bound before copying).
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;

/// The key the JS layer uses to mark a value JSON cannot carry (NaN, Infinity, BigInt, a function, a
/// symbol, an invalid Date): `{"\u0000unsupported": "NaN"}`.
pub const UNSUPPORTED_MARK: &str = "\u{0}unsupported";

#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    /// The number exactly as written.
    Number(Cow<'a, str>),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    /// Members in their order; a repeated key keeps every occurrence (lookups take the last, as Jackson does).
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
    /// A JS value that JSON cannot carry, with its kind (`NaN`, `BigInt`, `function`, …).
    Unsupported(Cow<'a, str>),
    /// A string holding an unpaired UTF-16 surrogate (lone surrogates are replaced by U+FFFD here).
    BrokenText(String),
    /// A value nested deeper than [`MAX_DEPTH`], kept as its raw text.
    TooDeep(&'a str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    /// Not JSON at all (the JS layer never produces this; fuzzers and hand-written text do).
    Syntax,
    /// Larger than [`MAX_TEXT_BYTES`].
    TooLarge,
}

impl<'a> Json<'a> {
    /// The last member named `key`, when this is an object.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(Cow<'a, str>, Json<'a>)]> {
        match self {
            Json::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The JSON type's name as the issue params report it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Number(_) => "number",
            Json::String(_) | Json::BrokenText(_) => "string",
            Json::Array(_) => "array",
            Json::Object(_) | Json::TooDeep(_) => "object",
            Json::Unsupported(_) => "unsupported",
        }
    }
}

/// A parsed document.
#[derive(Debug)]
pub struct Document<'a> {
    pub root: Json<'a>,
    /// Whether some value was nested deeper than [`MAX_DEPTH`] (a [`Json::TooDeep`] is somewhere).
    pub too_deep: bool,
    /// Whether some value is a [`Json::Unsupported`] mark (the text then differs from any normalised value).
    pub has_unsupported: bool,
}

/// [`parse`] of UTF-8 bytes: bytes that are not UTF-8 are not JSON.
pub fn parse_utf8(bytes: &[u8]) -> Result<Document<'_>, ParseError> {
    std::str::from_utf8(bytes).map_err(|_| ParseError::Syntax).and_then(parse)
}

/// Parses one JSON document.
pub fn parse(text: &str) -> Result<Document<'_>, ParseError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(ParseError::TooLarge);
    }
    let mut parser = Parser { text, bytes: text.as_bytes(), pos: 0, too_deep: false, has_unsupported: false };
    let root = parser.value(0)?;
    parser.skip_ws();
    if parser.pos != parser.bytes.len() {
        return Err(ParseError::Syntax);
    }
    Ok(Document { root, too_deep: parser.too_deep, has_unsupported: parser.has_unsupported })
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    too_deep: bool,
    has_unsupported: bool,
}

impl<'a> Parser<'a> {
    #[inline(always)]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The text from `start` to the current position. Both always sit on ASCII bytes, so `get` never
    /// fails; it keeps the slicing panic (and its formatting code) out of the WASM build.
    #[inline(always)]
    fn slice(&self, start: usize) -> &'a str {
        self.text.get(start..self.pos).unwrap_or("")
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline(always)]
    fn expect(&mut self, byte: u8) -> Result<(), ParseError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(ParseError::Syntax)
        }
    }

    fn literal(&mut self, word: &str, value: Json<'a>) -> Result<Json<'a>, ParseError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(ParseError::Syntax)
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, ParseError> {
        self.skip_ws();
        match self.peek().ok_or(ParseError::Syntax)? {
            b'{' | b'[' if depth >= MAX_DEPTH => {
                let start = self.pos;
                self.skip_nested()?;
                self.too_deep = true;
                Ok(Json::TooDeep(self.slice(start)))
            }
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => self.string(),
            b't' => self.literal("true", Json::Bool(true)),
            b'f' => self.literal("false", Json::Bool(false)),
            b'n' => self.literal("null", Json::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(ParseError::Syntax),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json<'a>, ParseError> {
        self.pos += 1;
        // Payload objects hold ~10–25 members: room for 16 saves most of the regrowth copies.
        let mut members = Vec::with_capacity(16);
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_ws();
            let key = match self.string()? {
                Json::String(key) => key,
                Json::BrokenText(key) => Cow::Owned(key),
                _ => return Err(ParseError::Syntax),
            };
            self.skip_ws();
            self.expect(b':')?;
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                _ => return Err(ParseError::Syntax),
            }
        }
        if let [(key, Json::String(kind))] = members.as_slice() {
            if key == UNSUPPORTED_MARK {
                self.has_unsupported = true;
                return Ok(Json::Unsupported(kind.clone()));
            }
        }
        Ok(Json::Object(members))
    }

    fn array(&mut self, depth: usize) -> Result<Json<'a>, ParseError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(ParseError::Syntax),
            }
        }
    }

    /// Skips a nested value without building it, matching brackets on a stack (no recursion).
    fn skip_nested(&mut self) -> Result<(), ParseError> {
        let mut open = Vec::new();
        loop {
            match self.peek().ok_or(ParseError::Syntax)? {
                byte @ (b'{' | b'[') => {
                    open.push(if byte == b'{' { b'}' } else { b']' });
                    self.pos += 1;
                }
                byte @ (b'}' | b']') => {
                    if open.pop() != Some(byte) {
                        return Err(ParseError::Syntax);
                    }
                    self.pos += 1;
                    if open.is_empty() {
                        return Ok(());
                    }
                }
                b'"' => {
                    self.string()?;
                }
                _ => self.pos += 1,
            }
        }
    }

    fn number(&mut self) -> Result<Json<'a>, ParseError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(ParseError::Syntax),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.required_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.required_digits()?;
        }
        Ok(Json::Number(Cow::Borrowed(self.slice(start))))
    }

    #[inline(always)]
    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), ParseError> {
        let start = self.pos;
        self.digits();
        if self.pos == start {
            Err(ParseError::Syntax)
        } else {
            Ok(())
        }
    }

    fn string(&mut self) -> Result<Json<'a>, ParseError> {
        self.expect(b'"')?;
        let start = self.pos;
        // Fast path: no escapes, borrow the slice.
        let run =
            self.bytes[start..].iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).ok_or(ParseError::Syntax)?;
        self.pos = start + run;
        match self.bytes[self.pos] {
            b'"' => {
                let text = self.slice(start);
                self.pos += 1;
                return Ok(Json::String(Cow::Borrowed(text)));
            }
            b'\\' => {}
            _ => return Err(ParseError::Syntax),
        }
        let mut owned = String::from(self.slice(start));
        let mut broken = false;
        loop {
            match self.peek().ok_or(ParseError::Syntax)? {
                b'"' => {
                    self.pos += 1;
                    return Ok(if broken { Json::BrokenText(owned) } else { Json::String(Cow::Owned(owned)) });
                }
                b'\\' => {
                    self.pos += 1;
                    let escaped = self.peek().ok_or(ParseError::Syntax)?;
                    self.pos += 1;
                    match escaped {
                        b'"' => owned.push('"'),
                        b'\\' => owned.push('\\'),
                        b'/' => owned.push('/'),
                        b'b' => owned.push('\u{8}'),
                        b'f' => owned.push('\u{c}'),
                        b'n' => owned.push('\n'),
                        b'r' => owned.push('\r'),
                        b't' => owned.push('\t'),
                        b'u' => broken |= !self.unicode_escape(&mut owned)?,
                        _ => return Err(ParseError::Syntax),
                    }
                }
                0..=0x1f => return Err(ParseError::Syntax),
                _ => {
                    // Copy a run of plain bytes; runs end on ASCII, so the slice is on char boundaries.
                    let run_start = self.pos;
                    while let Some(byte) = self.peek() {
                        if byte == b'"' || byte == b'\\' || byte < 0x20 {
                            break;
                        }
                        self.pos += 1;
                    }
                    owned.push_str(self.slice(run_start));
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let digits = self.bytes.get(self.pos..self.pos + 4).ok_or(ParseError::Syntax)?;
        let mut value = 0u32;
        for &digit in digits {
            let nibble = (digit as char).to_digit(16).ok_or(ParseError::Syntax)?;
            value = value * 16 + nibble;
        }
        self.pos += 4;
        Ok(value)
    }

    /// Decodes `\uXXXX` (and a following low surrogate); returns false for an unpaired surrogate,
    /// which is replaced by U+FFFD.
    fn unicode_escape(&mut self, out: &mut String) -> Result<bool, ParseError> {
        let unit = self.hex4()?;
        let code = match unit {
            0xD800..=0xDBFF => {
                let rest = &self.bytes[self.pos..];
                if rest.len() >= 6 && rest[0] == b'\\' && rest[1] == b'u' {
                    let saved = self.pos;
                    self.pos += 2;
                    let low = self.hex4()?;
                    if (0xDC00..=0xDFFF).contains(&low) {
                        0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        self.pos = saved;
                        out.push('\u{FFFD}');
                        return Ok(false);
                    }
                } else {
                    out.push('\u{FFFD}');
                    return Ok(false);
                }
            }
            0xDC00..=0xDFFF => {
                out.push('\u{FFFD}');
                return Ok(false);
            }
            other => other,
        };
        out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
        Ok(true)
    }
}

/// Writes `value` as JSON text.
pub fn write(value: &Json<'_>, out: &mut String) {
    match value {
        // A too-deep value is always reported as an error, so it never reaches a normalised value.
        Json::Null | Json::Unsupported(_) | Json::TooDeep(_) => out.push_str("null"),
        Json::Bool(true) => out.push_str("true"),
        Json::Bool(false) => out.push_str("false"),
        Json::Number(text) => out.push_str(text),
        Json::String(text) => write_string(text, out),
        Json::BrokenText(text) => write_string(text, out),
        Json::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        Json::Object(members) => {
            out.push('{');
            for (index, (key, item)) in members.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write(item, out);
            }
            out.push('}');
        }
    }
}

/// Writes a JSON string literal.
pub fn write_string(text: &str, out: &mut String) {
    out.reserve(text.len() + 2);
    out.push('"');
    write_string_body(text, out);
    out.push('"');
}

/// The inside of a JSON string literal: `text` escaped, without the quotes.
pub fn write_string_body(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut run_start = 0;
    for (index, byte) in text.bytes().enumerate() {
        let escape: &str = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(text.get(run_start..index).unwrap_or(""));
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[(byte >> 4) as usize] as char);
            out.push(HEX[(byte & 15) as usize] as char);
        } else {
            out.push_str(escape);
        }
        run_start = index + 1;
    }
    out.push_str(text.get(run_start..).unwrap_or(""));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_writes_back() {
        let text = r#"{"a":[1,-2.5e3,true,false,null],"b":"x\"y\u00e9\n","c":{}}"#;
        let value = parse(text).unwrap().root;
        let mut out = String::new();
        write(&value, &mut out);
        assert_eq!(out, "{\"a\":[1,-2.5e3,true,false,null],\"b\":\"x\\\"yé\\n\",\"c\":{}}");
    }

    #[test]
    fn rejects_bad_syntax() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "\"\\x\"", "tru", "{}x", "\"a\u{1}\""] {
            assert_eq!(parse(text).err(), Some(ParseError::Syntax), "{text:?}");
        }
    }

    #[test]
    fn keeps_deep_values_as_text() {
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let document = parse(&text).unwrap();
        assert!(document.too_deep);
        let value = document.root;
        let mut depth = 0;
        let mut node = &value;
        while let Json::Array(items) = node {
            depth += 1;
            node = &items[0];
        }
        assert_eq!(depth, MAX_DEPTH);
        assert!(matches!(node, Json::TooDeep(raw) if raw.len() == 2 * (10_000 - MAX_DEPTH)));
    }

    #[test]
    fn marks_lone_surrogates_and_unsupported_values() {
        assert_eq!(parse("\"a\\ud800b\"").unwrap().root, Json::BrokenText("a\u{FFFD}b".into()));
        assert_eq!(parse("\"\\ud83d\\ude00\"").unwrap().root, Json::String("😀".into()));
        let marked = parse("{\"\\u0000unsupported\":\"NaN\"}").unwrap().root;
        assert_eq!(marked, Json::Unsupported("NaN".into()));
    }

    #[test]
    fn last_key_wins() {
        let value = parse(r#"{"a":1,"a":2}"#).unwrap().root;
        assert_eq!(value.get("a"), Some(&Json::Number("2".into())));
    }
}
