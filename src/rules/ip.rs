//! `ipRange` check for API users.
//!
//! The server takes `*` or, per entry, what Spring's `IpAddressMatcher` takes (an address, optionally
//! with `/prefix`). `IpAddressMatcher` goes through `InetAddress.getByName`, which also accepts
//! shorthand IPv4 (`10.1`), bracketed IPv6 and, on older Spring, host names resolved by DNS; we accept
//! only literal addresses in their usual textual forms, so a range means the same thing everywhere.
//!
//! Decisions: IPv4 parts are 1–3 decimal digits, leading zeros allowed and read as decimal
//! (`010.0.0.1` is 10.0.0.1, as in Java; never octal). A prefix is 1–3 decimal digits (`/08` is 8, as
//! Java's `Integer.parseInt` reads it). IPv6 zone ids (`%eth0`) and brackets are rejected. Entries are
//! trimmed of ASCII whitespace, like Java's `trim()` after splitting on commas.

/// `list` is the field value; surrounding whitespace is ignored.
#[must_use]
pub fn is_valid_ip_range(list: &str) -> bool {
    if list.trim_matches(is_space) == "*" {
        return true;
    }
    // `*` inside a list fails the address checks; an empty entry (`a,,b`, `a,`) too.
    list.split(',').all(|entry| is_valid_entry(entry.trim_matches(is_space)))
}

fn is_space(c: char) -> bool {
    c.is_ascii_whitespace()
}

fn is_valid_entry(entry: &str) -> bool {
    let (address, prefix) = match entry.split_once('/') {
        Some((address, prefix)) => (address, Some(prefix)),
        None => (entry, None),
    };
    let max_prefix = if is_ipv4(address) {
        32
    } else if is_ipv6(address) {
        128
    } else {
        return false;
    };
    match prefix {
        None => true,
        // A second `/` stays in `prefix` and fails here.
        Some(prefix) => parse_decimal(prefix, 3).is_some_and(|bits| bits <= max_prefix),
    }
}

/// 1 to `max_digits` ASCII digits, nothing else (no sign).
fn parse_decimal(s: &str, max_digits: usize) -> Option<u16> {
    if s.is_empty() || s.len() > max_digits {
        return None;
    }
    let mut value: u16 = 0;
    for c in s.chars() {
        let digit = u16::try_from(c.to_digit(10)?).ok()?;
        value = value.checked_mul(10)?.checked_add(digit)?;
    }
    Some(value)
}

fn is_ipv4(s: &str) -> bool {
    let mut parts = 0u8;
    for part in s.split('.') {
        parts = parts.saturating_add(1);
        if parts > 4 || !is_octet(part) {
            return false;
        }
    }
    parts == 4
}

fn is_octet(s: &str) -> bool {
    parse_decimal(s, 3).is_some_and(|value| value <= 255)
}

fn is_ipv6(s: &str) -> bool {
    // Found byte-wise: `split_once("::")` would link core's substring searcher into the WASM build.
    let double_colon = s.as_bytes().windows(2).position(|pair| pair == b"::");
    match double_colon.and_then(|at| Some((s.get(..at)?, s.get(at + 2..)?))) {
        // `::` stands for at least one zero group, so at most 7 explicit ones. A second `::`
        // (or `:::`) leaves an empty group in `tail`, which `count_groups` rejects.
        Some((head, tail)) => {
            let head_groups = if head.is_empty() { Some(0) } else { count_groups(head, false) };
            let tail_groups = if tail.is_empty() { Some(0) } else { count_groups(tail, true) };
            match (head_groups, tail_groups) {
                (Some(h), Some(t)) => h.saturating_add(t) <= 7,
                _ => false,
            }
        }
        None => count_groups(s, true) == Some(8),
    }
}

/// Number of 16-bit groups in `s` (split on `:`), each 1–4 hex digits; when `v4_tail`, the last
/// one may be a dotted quad, worth two groups. `None` when a group is malformed or there are
/// more than 8 (which also bounds the work on long input).
fn count_groups(s: &str, v4_tail: bool) -> Option<u8> {
    let mut count: u8 = 0;
    let mut parts = s.split(':').peekable();
    while let Some(part) = parts.next() {
        let is_last = parts.peek().is_none();
        let worth = if is_hex_group(part) {
            1
        } else if v4_tail && is_last && is_ipv4(part) {
            2
        } else {
            return None;
        };
        count = count.checked_add(worth)?;
        if count > 8 {
            return None;
        }
    }
    Some(count)
}

fn is_hex_group(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_hexdigit())
}
