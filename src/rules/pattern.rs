//! A small, bounded regular-expression engine for the Java-style patterns that
//! OpenSpecimen stores in `biospecimen.participant_uid_pattern` and
//! `biospecimen.mpi_pattern`.
//!
//! The whole value must match, as with Java's `Pattern.matcher(s).matches()`.
//! Unlike Java's backtracking matcher this one can never hang the page: the
//! pattern is compiled to a bounded NFA program and matching visits every
//! (instruction, position) pair at most once, so `(a+)+$` on a long input is
//! linear in the input.
//!
//! Engine: the text is scanned once from right to left. For each position `i`
//! we compute the set of instructions from which the rest of the text can be
//! accepted ("can finish from here"). Lookahead bodies are separate programs
//! whose sets are computed first at the same position, so a lookahead is just
//! a per-position predicate, memoised for free, with no re-scanning. The
//! values matched are short (uid and empi columns hold 50 characters), so no
//! transition cache: that keeps the WebAssembly module small.
#![forbid(unsafe_code)]

use thiserror::Error;

/// Longer sources are rejected outright; settings values are short in practice.
const MAX_SOURCE_CHARS: usize = 1000;
/// Counted repetitions expand into copies; this caps the expanded program.
const MAX_INSTS: usize = 20_000;
/// Caps recursion in the parser, compiler and `Drop` (a WebAssembly stack is small).
const MAX_DEPTH: usize = 100;

const TOO_COMPLEX: &str = "pattern too complex";
const UNBALANCED: &str = "unbalanced parenthesis";
const NOTHING_TO_REPEAT: &str = "nothing to repeat";
const INVALID_RANGE: &str = "invalid range";
const UNCLOSED_CLASS: &str = "unclosed character class";
const INVALID_ESCAPE: &str = "invalid escape";

/// Why a pattern was rejected; `position` is a char index into the source.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{reason} at position {position}")]
pub struct PatternError {
    pub reason: &'static str,
    pub position: usize,
}

fn error(reason: &'static str, position: usize) -> PatternError {
    PatternError { reason, position }
}

fn fail<T>(reason: &'static str, position: usize) -> Result<T, PatternError> {
    Err(error(reason, position))
}

/// A char predicate standing for a named set such as `\d` or `\p{Alpha}`.
type CharTest = fn(char) -> bool;

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r')
}

/// `\p{..}` names. POSIX names are ASCII-only, as in Java by default; the
/// Unicode categories (also accepted with an `Is` prefix) are approximated
/// with std's char predicates.
const PROPERTIES: &[(&str, CharTest)] = &[
    ("Lower", |c| c.is_ascii_lowercase()),
    ("Upper", |c| c.is_ascii_uppercase()),
    ("ASCII", |c| c.is_ascii()),
    ("Alpha", |c| c.is_ascii_alphabetic()),
    ("Digit", |c| c.is_ascii_digit()),
    ("Alnum", |c| c.is_ascii_alphanumeric()),
    ("Punct", |c| c.is_ascii_punctuation()),
    ("Graph", |c| c.is_ascii_graphic()),
    ("Print", |c| c.is_ascii_graphic() || c == ' '),
    ("Blank", |c| c == ' ' || c == '\t'),
    ("Cntrl", |c| c.is_ascii_control()),
    ("XDigit", |c| c.is_ascii_hexdigit()),
    ("Space", is_space),
    ("L", char::is_alphabetic),
    ("Lu", char::is_uppercase),
    ("Ll", char::is_lowercase),
    ("N", char::is_numeric),
];

fn property(name: &str) -> Option<CharTest> {
    let unicode = |n: &str| ["L", "Lu", "Ll", "N"].contains(&n);
    let name = name.strip_prefix("Is").filter(|n| unicode(n)).unwrap_or(name);
    PROPERTIES.iter().find(|(n, _)| *n == name).map(|(_, test)| *test)
}

#[derive(Debug, Clone, Copy)]
enum ClassItem {
    Range(char, char),
    /// A named set, negated when the flag is set (`\D`, `\P{L}`).
    Test(CharTest, bool),
}

#[derive(Debug, Clone)]
struct ClassSet {
    items: Vec<ClassItem>,
    negated: bool,
    /// ASCII case-insensitive, like Java's `(?i)` without `UNICODE_CASE`.
    icase: bool,
}

impl ClassSet {
    fn hit(&self, c: char) -> bool {
        self.items.iter().any(|item| match *item {
            ClassItem::Range(lo, hi) => lo <= c && c <= hi,
            ClassItem::Test(test, neg) => test(c) != neg,
        })
    }

    fn matches(&self, c: char) -> bool {
        // Case folding applies to the items; negation comes last, as in Java.
        let hit = self.hit(c) || (self.icase && c.is_ascii_alphabetic() && self.hit(swap_ascii_case(c)));
        hit != self.negated
    }
}

fn swap_ascii_case(c: char) -> char {
    if c.is_ascii_lowercase() {
        c.to_ascii_uppercase()
    } else {
        c.to_ascii_lowercase()
    }
}

/// Java's line terminators (what `.` refuses and `$` may stand before).
fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Java (up to 18) treats letters, digits and `_` as word chars for `\b`.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AssertKind {
    /// `^` and `\A` (no MULTILINE support).
    Start,
    /// `$` and `\Z`: end of text, or before a final line terminator.
    End,
    /// `\z`: the very end of the text.
    EndAbsolute,
    WordBoundary,
    NotWordBoundary,
}

fn assert_holds(kind: AssertKind, text: &[char], i: usize) -> bool {
    let at = |k: usize| text.get(k).copied();
    let n = text.len();
    match kind {
        AssertKind::Start => i == 0,
        AssertKind::EndAbsolute => i == n,
        AssertKind::End => {
            if i == n {
                return true;
            }
            if i + 2 == n {
                return at(i) == Some('\r') && at(i + 1) == Some('\n');
            }
            // Before a final terminator, but not between the halves of "\r\n".
            i + 1 == n
                && at(i).is_some_and(is_line_terminator)
                && !(at(i) == Some('\n') && i > 0 && at(i - 1) == Some('\r'))
        }
        AssertKind::WordBoundary | AssertKind::NotWordBoundary => {
            let before = i.checked_sub(1).and_then(at).is_some_and(is_word_char);
            let after = at(i).is_some_and(is_word_char);
            (before != after) == (kind == AssertKind::WordBoundary)
        }
    }
}

/// Parsed pattern. Capturing groups are dropped: only acceptance matters.
#[derive(Debug)]
enum Node {
    Empty,
    /// A literal; when the flag is set it is an ASCII letter stored lower-case
    /// and compared case-insensitively.
    Char(char, bool),
    Any,
    Class(usize),
    Assert(AssertKind),
    /// Lookahead body, negated when the flag is set.
    Look(Box<Node>, bool),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    /// `body` is the instruction count of one copy of `node`.
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        body: usize,
    },
}

impl Node {
    /// Exactly the number of instructions `emit` produces, so that
    /// oversized patterns are refused before any expansion happens.
    fn size(&self) -> usize {
        let sum = |nodes: &[Node]| nodes.iter().fold(0usize, |a, n| a.saturating_add(n.size()));
        match self {
            Node::Empty => 0,
            Node::Char(..) | Node::Any | Node::Class(_) | Node::Assert(_) => 1,
            Node::Look(body, _) => body.size().saturating_add(2),
            Node::Concat(items) => sum(items),
            Node::Alt(branches) => sum(branches).saturating_add(branches.len().saturating_sub(1).saturating_mul(2)),
            Node::Repeat { min, max, body, .. } => {
                let (min, s) = (*min as usize, *body);
                match max {
                    None if min == 0 => s.saturating_add(2),
                    None => min.saturating_mul(s).saturating_add(1),
                    Some(max) => {
                        let optional = (*max as usize).saturating_sub(min);
                        min.saturating_mul(s).saturating_add(optional.saturating_mul(s.saturating_add(1)))
                    }
                }
            }
        }
    }
}

/// Result of parsing one backslash escape.
enum Escape {
    Char(char),
    Class(ClassItem),
    Assert(AssertKind),
}

struct Parser {
    src: Vec<char>,
    pos: usize,
    icase: bool,
    depth: usize,
    classes: Vec<ClassSet>,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.src.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.src.get(self.pos + ahead).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        let hit = self.peek() == Some(c);
        self.pos += usize::from(hit);
        hit
    }

    fn literal(&self, c: char) -> Node {
        let fold = self.icase && c.is_ascii_alphabetic();
        Node::Char(if fold { c.to_ascii_lowercase() } else { c }, fold)
    }

    fn push_class(&mut self, items: Vec<ClassItem>, negated: bool) -> Node {
        let icase = self.icase;
        self.classes.push(ClassSet { items, negated, icase });
        Node::Class(self.classes.len() - 1)
    }

    fn parse_alt(&mut self) -> Result<Node, PatternError> {
        let mut branches = vec![self.parse_concat()?];
        while self.eat('|') {
            branches.push(self.parse_concat()?);
        }
        Ok(if branches.len() > 1 { Node::Alt(branches) } else { branches.pop().unwrap_or(Node::Empty) })
    }

    fn parse_concat(&mut self) -> Result<Node, PatternError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            if let Some(atom) = self.parse_atom()? {
                items.push(self.parse_quantifier(atom)?);
            }
        }
        Ok(if items.len() > 1 { Node::Concat(items) } else { items.pop().unwrap_or(Node::Empty) })
    }

    /// Parses one atom; `None` for constructs that match nothing (inline flags).
    fn parse_atom(&mut self) -> Result<Option<Node>, PatternError> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        self.pos += 1;
        Ok(Some(match c {
            '(' => return self.parse_group(start),
            '[' => self.parse_class(start)?,
            '.' => Node::Any,
            '^' => Node::Assert(AssertKind::Start),
            '$' => Node::Assert(AssertKind::End),
            '*' | '+' | '?' => return fail(NOTHING_TO_REPEAT, start),
            // Java lets a bare `{n}` repeat the empty string; the caller parses it.
            '{' => {
                self.pos = start;
                Node::Empty
            }
            '\\' => match self.parse_escape(start, false)? {
                Escape::Char(ch) => self.literal(ch),
                Escape::Class(item) => self.push_class(vec![item], false),
                Escape::Assert(kind) => Node::Assert(kind),
            },
            _ => self.literal(c),
        }))
    }

    /// Called after `(`; `start` is the position of the `(`.
    fn parse_group(&mut self, start: usize) -> Result<Option<Node>, PatternError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return fail(TOO_COMPLEX, start);
        }
        let saved_icase = self.icase;
        let node = if self.eat('?') {
            match self.peek() {
                Some(':') => {
                    self.pos += 1;
                    self.parse_alt()?
                }
                Some(c @ ('=' | '!')) => {
                    self.pos += 1;
                    Node::Look(Box::new(self.parse_alt()?), c == '!')
                }
                Some('<') if matches!(self.peek_at(1), Some('=' | '!')) => {
                    return fail("unsupported construct: lookbehind", start);
                }
                Some('<') => {
                    self.pos += 1;
                    self.parse_group_name()?;
                    self.parse_alt()?
                }
                Some('>') => return fail("unsupported construct: atomic group", start),
                _ => match self.parse_flags()? {
                    // `(?i)`: the flag stays on until the enclosing group ends.
                    None => {
                        self.depth -= 1;
                        return Ok(None);
                    }
                    Some(()) => self.parse_alt()?,
                },
            }
        } else {
            self.parse_alt()?
        };
        if !self.eat(')') {
            return fail(UNBALANCED, start);
        }
        self.icase = saved_icase;
        self.depth -= 1;
        Ok(Some(node))
    }

    /// Java group names: an ASCII letter, then ASCII letters or digits.
    fn parse_group_name(&mut self) -> Result<(), PatternError> {
        let start = self.pos;
        let mut name = String::new();
        while let Some(c) = self.peek().filter(char::is_ascii_alphanumeric) {
            name.push(c);
            self.pos += 1;
        }
        // Names are not tracked: without backreferences they change nothing.
        match name.starts_with(|c: char| c.is_ascii_alphabetic()) && self.eat('>') {
            true => Ok(()),
            false => fail("invalid group name", start),
        }
    }

    /// Parses `i`, `-i` flags after `(?`. Returns `None` for `(?i)` and
    /// `Some(())` for the scoped `(?i:` form. Only the `i` flag is supported.
    fn parse_flags(&mut self) -> Result<Option<()>, PatternError> {
        let start = self.pos;
        let mut on = true;
        loop {
            match self.peek() {
                Some('i') => self.icase = on,
                Some('-') if on => on = false,
                Some(end @ (')' | ':')) => {
                    self.pos += 1;
                    return Ok((end == ':').then_some(()));
                }
                None => return fail(UNBALANCED, start),
                _ => return fail("unsupported construct: inline flag", self.pos),
            }
            self.pos += 1;
        }
    }

    fn parse_quantifier(&mut self, atom: Node) -> Result<Node, PatternError> {
        let start = self.pos;
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => self.parse_bounds()?,
            _ => return Ok(atom),
        };
        self.pos += 1; // the `*`, `+`, `?` or the closing `}`
        match self.peek() {
            // Lazy: same set of full matches, so it is simply accepted.
            Some('?') => self.pos += 1,
            // Possessive changes which texts match; not supported.
            Some('+') => return fail("unsupported construct: possessive quantifier", self.pos),
            _ => {}
        }
        if matches!(self.peek(), Some('*' | '+' | '?')) {
            return fail(NOTHING_TO_REPEAT, self.pos);
        }
        let body = atom.size();
        let node = Node::Repeat { node: Box::new(atom), min, max, body };
        if node.size() >= MAX_INSTS {
            return fail(TOO_COMPLEX, start);
        }
        Ok(node)
    }

    /// Parses `{n}`, `{n,}` or `{n,m}`, leaving `pos` on the closing `}`.
    fn parse_bounds(&mut self) -> Result<(u32, Option<u32>), PatternError> {
        let start = self.pos;
        self.pos += 1;
        let min = self.parse_number(10).ok_or(error("invalid repetition", start))?;
        let max = if self.eat(',') { self.parse_number(10) } else { Some(min) };
        if self.peek() != Some('}') {
            return fail("invalid repetition", start);
        }
        if max.is_some_and(|max| max < min) {
            return fail(INVALID_RANGE, start);
        }
        Ok((min, max))
    }

    /// Digits in `radix`, saturating (huge values are refused later); `None`
    /// when there are no digits.
    fn parse_number(&mut self, radix: u32) -> Option<u32> {
        let mut value: Option<u32> = None;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(radix)) {
            value = Some(value.unwrap_or(0).saturating_mul(radix).saturating_add(d));
            self.pos += 1;
        }
        value
    }

    /// Called after `\`; `start` is the position of the backslash.
    fn parse_escape(&mut self, start: usize, in_class: bool) -> Result<Escape, PatternError> {
        let Some(c) = self.peek() else {
            return fail("trailing backslash", start);
        };
        self.pos += 1;
        let named = |test: CharTest, negated: bool| Escape::Class(ClassItem::Test(test, negated));
        Ok(match c {
            't' => Escape::Char('\t'),
            'n' => Escape::Char('\n'),
            'r' => Escape::Char('\r'),
            'f' => Escape::Char('\x0C'),
            'a' => Escape::Char('\x07'),
            'e' => Escape::Char('\x1B'),
            '0' | 'x' | 'u' | 'c' => {
                let ch = match c {
                    '0' => self.parse_octal(),
                    'x' => self.parse_hex(),
                    // Surrogates, even as a pair, are refused: use `\x{...}`.
                    'u' => self.hex_digits(4).and_then(char::from_u32),
                    // `\cX` is the control char X ^ 64.
                    _ => self.src.get(self.pos).and_then(|&x| char::from_u32(x as u32 ^ 64)).inspect(|_| self.pos += 1),
                };
                Escape::Char(ch.ok_or(error(INVALID_ESCAPE, start))?)
            }
            'd' | 'D' => named(|c| c.is_ascii_digit(), c == 'D'),
            'w' | 'W' => named(|c| c.is_ascii_alphanumeric() || c == '_', c == 'W'),
            's' | 'S' => named(is_space, c == 'S'),
            'p' | 'P' => named(self.parse_property(start)?, c == 'P'),
            'b' if !in_class => Escape::Assert(AssertKind::WordBoundary),
            'B' if !in_class => Escape::Assert(AssertKind::NotWordBoundary),
            'A' if !in_class => Escape::Assert(AssertKind::Start),
            'Z' if !in_class => Escape::Assert(AssertKind::End),
            'z' if !in_class => Escape::Assert(AssertKind::EndAbsolute),
            '1'..='9' | 'k' => return fail("unsupported construct: backreference", start),
            // Java knows these but this engine does not (or not inside brackets).
            'G' | 'R' | 'X' | 'h' | 'H' | 'v' | 'V' | 'N' | 'Q' | 'b' | 'B' | 'A' | 'Z' | 'z' => {
                return fail("unsupported construct: escape", start);
            }
            _ if c.is_ascii_alphabetic() => return fail("unknown escape", start),
            // Any other escaped char (punctuation, non-ASCII) is literal, as in Java.
            _ => Escape::Char(c),
        })
    }

    /// `\0n`, `\0nn` or `\0mnn` (m <= 3), as in Java.
    fn parse_octal(&mut self) -> Option<char> {
        let mut value = 0;
        for k in 0..3 {
            match self.peek().and_then(|c| c.to_digit(8)) {
                Some(d) if k < 2 || value <= 0o37 => {
                    value = value * 8 + d;
                    self.pos += 1;
                }
                _ if k == 0 => return None,
                _ => break,
            }
        }
        char::from_u32(value)
    }

    /// Exactly `count` hex digits.
    fn hex_digits(&mut self, count: usize) -> Option<u32> {
        let mut value = 0u32;
        for _ in 0..count {
            value = value * 16 + self.peek()?.to_digit(16)?;
            self.pos += 1;
        }
        Some(value)
    }

    /// `\xhh` or `\x{h...h}`.
    fn parse_hex(&mut self) -> Option<char> {
        let value = if self.eat('{') { self.parse_number(16).filter(|_| self.eat('}')) } else { self.hex_digits(2) };
        value.and_then(char::from_u32)
    }

    /// `\p{Name}` or the one-letter `\pL`.
    fn parse_property(&mut self, start: usize) -> Result<CharTest, PatternError> {
        let braced = self.eat('{');
        let mut name = String::new();
        while let Some(c) = self.peek().filter(|&c| c != '}' && (braced || name.is_empty())) {
            name.push(c);
            self.pos += 1;
        }
        if braced && !self.eat('}') {
            return fail(INVALID_ESCAPE, start);
        }
        property(&name).ok_or(error("unknown property", start))
    }

    /// Called after `[`; `start` is the position of the `[`.
    fn parse_class(&mut self, start: usize) -> Result<Node, PatternError> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let item_start = self.pos;
            match self.peek() {
                None => return fail(UNCLOSED_CLASS, start),
                // A `]` right after `[` or `[^` is a literal, as in Java.
                Some(']') if !first => {
                    self.pos += 1;
                    break;
                }
                Some('&') if self.peek_at(1) == Some('&') => {
                    return fail("unsupported construct: class intersection", item_start);
                }
                _ => {}
            }
            first = false;
            let lo = match self.class_atom(start)? {
                Escape::Char(c) => c,
                // A `-` after `\d` etc. is then read as a literal.
                Escape::Class(item) => {
                    items.push(item);
                    continue;
                }
                Escape::Assert(_) => return fail("unsupported construct: escape", item_start),
            };
            // `-` forms a range unless it is the last char before `]`.
            if self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']') {
                self.pos += 1;
                match self.class_atom(start)? {
                    Escape::Char(hi) if lo <= hi => items.push(ClassItem::Range(lo, hi)),
                    _ => return fail(INVALID_RANGE, item_start),
                }
            } else {
                items.push(ClassItem::Range(lo, lo));
            }
        }
        Ok(self.push_class(items, negated))
    }

    /// One bracket-class member: a char (maybe a range end) or a named set.
    fn class_atom(&mut self, class_start: usize) -> Result<Escape, PatternError> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return fail(UNCLOSED_CLASS, class_start);
        };
        self.pos += 1;
        match c {
            '[' => fail("unsupported construct: nested class", start),
            '\\' => self.parse_escape(start, true),
            _ => Ok(Escape::Char(c)),
        }
    }
}

/// One NFA instruction. Consuming instructions continue at `pc + 1`.
#[derive(Debug, Clone, Copy)]
enum Inst {
    Char(char),
    /// ASCII case-insensitive literal, stored lower-case.
    Fold(char),
    /// `.`: any char but a line terminator.
    Any,
    Class(usize),
    Split(usize, usize),
    Jmp(usize),
    /// Zero-width test, then `pc + 1`.
    Assert(AssertKind),
    /// Zero-width lookahead whose body is program `region`, then `pc + 1`.
    Look {
        region: usize,
        negate: bool,
    },
    /// End of the main program: accepted only at the end of the text.
    Match,
    /// End of a lookahead body: accepted at any position.
    Succeed,
}

/// One program (the main one or a lookahead body) with its reverse epsilon
/// edges, flattened: the predecessors of `pc` are `preds[starts[pc]..starts[pc + 1]]`.
#[derive(Debug, Clone)]
struct Region {
    insts: Vec<Inst>,
    starts: Vec<usize>,
    preds: Vec<usize>,
}

impl Region {
    fn new(insts: Vec<Inst>) -> Region {
        let mut edges: Vec<(usize, usize)> = Vec::new(); // (to, from)
        for (pc, inst) in insts.iter().enumerate() {
            match *inst {
                Inst::Jmp(to) => edges.push((to, pc)),
                Inst::Split(a, b) => edges.extend([(a, pc), (b, pc)]),
                Inst::Assert(_) | Inst::Look { .. } => edges.push((pc + 1, pc)),
                _ => {}
            }
        }
        // Bucket the edges by target (a counting sort: no sort code in the WASM build).
        let mut starts = vec![0usize; insts.len() + 2];
        for &(to, _) in &edges {
            if let Some(count) = starts.get_mut(to + 1) {
                *count += 1;
            }
        }
        for pc in 1..starts.len() {
            starts[pc] += starts[pc - 1];
        }
        let mut cursor = starts.clone();
        let mut preds = vec![0usize; edges.len()];
        for &(to, from) in &edges {
            if let Some(at) = cursor.get_mut(to) {
                if let Some(slot) = preds.get_mut(*at) {
                    *slot = from;
                }
                *at += 1;
            }
        }
        Region { insts, starts, preds }
    }

    fn preds(&self, pc: usize) -> &[usize] {
        match (self.starts.get(pc), self.starts.get(pc + 1)) {
            (Some(&lo), Some(&hi)) => self.preds.get(lo..hi).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Compiles `node` into a new region and returns its index. Nested lookaheads
/// finish first and so get lower indices, the order `full_match` needs. The
/// parser has already bounded `Node::size`, which is exactly what this emits.
fn compile_region(regions: &mut Vec<Region>, node: &Node, terminal: Inst) -> usize {
    let mut code = Vec::new();
    emit(regions, &mut code, node);
    code.push(terminal);
    regions.push(Region::new(code));
    regions.len() - 1
}

fn emit(regions: &mut Vec<Region>, code: &mut Vec<Inst>, node: &Node) {
    match node {
        Node::Empty => {}
        Node::Char(c, fold) => code.push(if *fold { Inst::Fold(*c) } else { Inst::Char(*c) }),
        Node::Any => code.push(Inst::Any),
        Node::Class(k) => code.push(Inst::Class(*k)),
        Node::Assert(kind) => code.push(Inst::Assert(*kind)),
        Node::Look(body, negate) => {
            let region = compile_region(regions, body, Inst::Succeed);
            code.push(Inst::Look { region, negate: *negate });
        }
        Node::Concat(items) => items.iter().for_each(|item| emit(regions, code, item)),
        Node::Alt(branches) => {
            // Split(branch, next split) before every branch but the last, and a
            // jump to the end after it.
            let mut jumps = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                if i + 1 == branches.len() {
                    emit(regions, code, branch);
                    break;
                }
                let split = code.len();
                code.push(Inst::Split(split + 1, 0));
                emit(regions, code, branch);
                jumps.push(code.len());
                code.push(Inst::Jmp(0));
                patch_split(code, split);
            }
            let end = code.len();
            jumps.into_iter().for_each(|jump| patch(code, jump, Inst::Jmp(end)));
        }
        Node::Repeat { node, min, max, body } => {
            // `x{n,}` (n >= 1) is n-1 copies then `x+`. Copies of an empty body
            // emit nothing and are skipped, as their count may be huge.
            let copies = if max.is_none() { min.saturating_sub(1) } else { *min };
            for _ in 0..if *body > 0 { copies } else { 0 } {
                emit(regions, code, node);
            }
            let start = code.len();
            match max {
                None if *min == 0 => {
                    // L: Split(body, end); body; Jmp L; end:
                    code.push(Inst::Split(start + 1, 0));
                    emit(regions, code, node);
                    code.push(Inst::Jmp(start));
                    patch_split(code, start);
                }
                None => {
                    // L: body; Split(L, end); end:
                    emit(regions, code, node);
                    code.push(Inst::Split(start, code.len() + 1));
                }
                // Each optional copy: Split(body, after); body; after:
                Some(max) => {
                    for _ in *min..*max {
                        let split = code.len();
                        code.push(Inst::Split(split + 1, 0));
                        emit(regions, code, node);
                        patch_split(code, split);
                    }
                }
            }
        }
    }
}

fn patch(code: &mut [Inst], at: usize, inst: Inst) {
    if let Some(slot) = code.get_mut(at) {
        *slot = inst;
    }
}

/// Points the split at `at` to its body (`at + 1`) or past the code so far.
fn patch_split(code: &mut [Inst], at: usize) {
    let end = code.len();
    patch(code, at, Inst::Split(at + 1, end));
}

/// A set of program counters with O(1) insert, lookup and clear; the dense
/// list doubles as the work queue during propagation.
#[derive(Debug, Clone)]
struct SparseSet {
    dense: Vec<usize>,
    sparse: Vec<usize>,
}

impl SparseSet {
    fn new(capacity: usize) -> SparseSet {
        SparseSet { dense: Vec::with_capacity(capacity), sparse: vec![0; capacity] }
    }

    fn contains(&self, x: usize) -> bool {
        match self.sparse.get(x) {
            Some(&k) => k < self.dense.len() && self.dense[k] == x,
            None => false,
        }
    }

    fn insert(&mut self, x: usize) {
        if x < self.sparse.len() && !self.contains(x) {
            self.sparse[x] = self.dense.len();
            self.dense.push(x);
        }
    }
}

/// A compiled pattern; see the module docs for the matching strategy.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Lookahead bodies first (inner before outer); the main program is last.
    regions: Vec<Region>,
    classes: Vec<ClassSet>,
}

impl Pattern {
    pub fn compile(source: &str) -> Result<Pattern, PatternError> {
        if source.chars().nth(MAX_SOURCE_CHARS).is_some() {
            return fail(TOO_COMPLEX, MAX_SOURCE_CHARS);
        }
        let mut parser = Parser { src: source.chars().collect(), pos: 0, icase: false, depth: 0, classes: Vec::new() };
        let root = parser.parse_alt()?;
        if parser.pos < parser.src.len() {
            // parse_alt only stops early at a `)` with no matching `(`.
            return fail(UNBALANCED, parser.pos);
        }
        if root.size().saturating_add(1) > MAX_INSTS {
            return fail(TOO_COMPLEX, 0);
        }
        let mut regions = Vec::new();
        compile_region(&mut regions, &root, Inst::Match);
        Ok(Pattern { regions, classes: parser.classes })
    }

    /// True when the whole of `text` matches (Java `matches()` semantics).
    ///
    /// Scans right to left keeping, per program, the set of instructions that
    /// can reach acceptance from the current position: O(program length x
    /// text length) time and O(program length) memory, whatever the pattern.
    pub fn full_match(&self, text: &str) -> bool {
        let text: Vec<char> = text.chars().collect();
        let main = self.regions.len().saturating_sub(1);
        let fresh = || -> Vec<SparseSet> { self.regions.iter().map(|r| SparseSet::new(r.insts.len())).collect() };
        // `after` holds the sets for position i + 1 (at first: nothing can finish beyond the end).
        let (mut after, mut here) = (fresh(), fresh());
        for i in (0..=text.len()).rev() {
            for (r, region) in self.regions.iter().enumerate() {
                let (inner, rest) = here.split_at_mut(r);
                if let (Some(set), Some(next)) = (rest.first_mut(), after.get(r)) {
                    self.step(region, set, inner, &next.dense, &text, i);
                }
            }
            core::mem::swap(&mut after, &mut here);
            let main_set = after.get(main).map_or(&[][..], |set| set.dense.as_slice());
            // Every path to the end passes through position i: if nothing in
            // the main program can finish from here, nothing can from earlier.
            if main_set.is_empty() || i == 0 {
                return main_set.contains(&0);
            }
        }
        false
    }

    /// Fills `set` with the instructions of `region` that can finish from
    /// position `i`, given `next` (the same for `i + 1`) and `inner` (the
    /// finished sets at `i` of the lookahead bodies this region refers to).
    fn step(&self, region: &Region, set: &mut SparseSet, inner: &[SparseSet], next: &[usize], text: &[char], i: usize) {
        set.dense.clear();
        if let Some(last) = region.insts.len().checked_sub(1) {
            match region.insts.get(last) {
                Some(Inst::Succeed) => set.insert(last),
                Some(Inst::Match) if i == text.len() => set.insert(last),
                _ => {}
            }
        }
        // A consuming instruction at pc can finish if it accepts text[i] and
        // pc + 1 can finish from i + 1.
        if let Some(&c) = text.get(i) {
            for &succ in next {
                if let Some(pc) = succ.checked_sub(1) {
                    if matches!(region.insts.get(pc), Some(&inst) if self.consumes(inst, c)) {
                        set.insert(pc);
                    }
                }
            }
        }
        // Propagate backwards along epsilon edges whose guard holds at i.
        let mut k = 0;
        while let Some(&to) = set.dense.get(k) {
            k += 1;
            for &from in region.preds(to) {
                if set.contains(from) {
                    continue;
                }
                let ok = match region.insts.get(from) {
                    Some(Inst::Jmp(_) | Inst::Split(..)) => true,
                    Some(Inst::Assert(kind)) => assert_holds(*kind, text, i),
                    Some(Inst::Look { region: body, negate }) => {
                        inner.get(*body).is_some_and(|set| set.contains(0)) != *negate
                    }
                    _ => false,
                };
                if ok {
                    set.insert(from);
                }
            }
        }
    }

    fn consumes(&self, inst: Inst, c: char) -> bool {
        match inst {
            Inst::Char(x) => x == c,
            Inst::Fold(x) => c.to_ascii_lowercase() == x,
            Inst::Any => !is_line_terminator(c),
            Inst::Class(k) => self.classes.get(k).is_some_and(|class| class.matches(c)),
            _ => false,
        }
    }
}
