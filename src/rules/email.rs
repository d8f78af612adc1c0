//! Email address check for `emailAddress` fields.
//!
//! The server accepts what JavaMail's `InternetAddress(addr).validate()` accepts. We accept only the
//! part of that which is one bare `local@domain`: a display name (`Ann <ann@x.org>`), a group, a
//! comment or a list parses on the server too, but the server then stores the whole string as the
//! address, which is never what a form means.

/// Characters that JavaMail rejects in an unquoted local part.
const LOCAL_SPECIALS: &[char] = &['(', ')', '<', '>', ',', ';', ':', '\\', '"', '[', ']', '@'];

/// `address` is already trimmed. Lengths are checked elsewhere (`FIELD_TOO_LONG`).
#[must_use]
pub fn is_valid_email(address: &str) -> bool {
    let (local_ok, domain) = match address.strip_prefix('"') {
        Some(quoted) => match after_quoted_local(quoted).and_then(|rest| rest.strip_prefix('@')) {
            Some(domain) => (true, domain),
            None => return false,
        },
        None => match address.split_once('@') {
            // A second `@` stays in `domain`, where it is rejected.
            Some((local, domain)) => (is_valid_dot_atom_local(local), domain),
            None => return false,
        },
    };
    local_ok && is_valid_domain(domain)
}

/// `s` follows the opening quote. Returns the text after the closing quote, or `None` when the
/// quoted string is empty, unterminated, or holds a non-printable or dangling escape.
fn after_quoted_local(s: &str) -> Option<&str> {
    let mut chars = s.chars();
    let mut empty = true;
    while let Some(c) = chars.next() {
        match c {
            '"' => return if empty { None } else { Some(chars.as_str()) },
            '\\' => match chars.next() {
                Some(escaped) if is_printable(escaped) => {}
                _ => return None,
            },
            _ if !is_printable(c) => return None,
            _ => {}
        }
        empty = false;
    }
    None
}

/// Printable inside quotes: the plain space is allowed (`"john doe"`), other whitespace
/// (tabs, line breaks, Unicode separators) and control characters are not.
fn is_printable(c: char) -> bool {
    !c.is_control() && (c == ' ' || !c.is_whitespace())
}

fn is_valid_dot_atom_local(local: &str) -> bool {
    !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.as_bytes().windows(2).any(|pair| pair == b"..")
        && local.chars().all(|c| {
            // `c <= ' '` and DEL are JavaMail's own test; the Unicode checks extend it.
            c > ' ' && c != '\u{7f}' && !c.is_control() && !c.is_whitespace() && !LOCAL_SPECIALS.contains(&c)
        })
}

fn is_valid_domain(domain: &str) -> bool {
    if let Some(literal) = domain.strip_prefix('[') {
        return match literal.strip_suffix(']') {
            Some(inner) => {
                !inner.is_empty()
                    && inner.bytes().all(|b| (0x21..=0x7e).contains(&b) && !matches!(b, b'[' | b']' | b'\\'))
            }
            None => false,
        };
    }
    !domain.is_empty()
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.as_bytes().windows(2).any(|pair| pair == b"..")
        && domain.chars().all(|c| c.is_alphabetic() || c.is_ascii_digit() || c == '-' || c == '.')
}
