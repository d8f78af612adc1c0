//! Integration tests for the bounded pattern engine. Expected results follow
//! Java's `Pattern.compile(p).matcher(s).matches()` (checked against a JDK 17).

use openspecimen_validate::rules::pattern::{Pattern, PatternError};
use std::time::{Duration, Instant};

fn compile(source: &str) -> Pattern {
    match Pattern::compile(source) {
        Ok(pattern) => pattern,
        Err(e) => panic!("{source:?} should compile, got {e}"),
    }
}

/// Asserts which texts the pattern accepts and which it rejects.
fn check(source: &str, accepts: &[&str], rejects: &[&str]) {
    let pattern = compile(source);
    for text in accepts {
        assert!(pattern.full_match(text), "{source:?} should accept {text:?}");
    }
    for text in rejects {
        assert!(!pattern.full_match(text), "{source:?} should reject {text:?}");
    }
}

fn reason(source: &str) -> &'static str {
    match Pattern::compile(source) {
        Ok(_) => panic!("{source:?} should be rejected"),
        Err(e) => e.reason,
    }
}

#[test]
fn documented_us_ssn_pattern() {
    check(
        r"^(?!000|666)[0-8][0-9]{2}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}$",
        &["123-45-6789", "078-05-1120"],
        &[
            "000-12-3456",
            "666-12-3456",
            "900-12-3456",
            "123-00-4567",
            "123-45-0000",
            "123456789",
            "123-45-67890",
            " 123-45-6789",
            "",
        ],
    );
}

#[test]
fn whole_value_must_match() {
    check(r"\d{3}", &["123"], &["1234", "a123", "12", ""]);
    check(r"E-\d+", &["E-100", "E-1"], &["E-100x", "E-", "xE-100"]);
    check("", &[""], &["a"]);
}

#[test]
fn typical_identifier_patterns() {
    check(r"[A-Z]{2}\d{6}", &["AB123456"], &["ab123456", "AB12345", "AB1234567"]);
    check(r"MPI-\d{4}-[A-F0-9]{8}", &["MPI-2024-00FF12AB"], &["MPI-2024-00ff12ab", "MPI-24-00FF12AB"]);
    check(r"(?:P|PT)_\d{1,6}", &["P_1", "PT_123456"], &["PT_", "P_1234567", "PTT_1"]);
}

#[test]
fn alternation() {
    check("cat|dog", &["cat", "dog"], &["catdog", "ca", "", "cow"]);
    check("a(b|c)d", &["abd", "acd"], &["ad", "abcd"]);
    check("a|", &["a", ""], &["aa"]);
    check("(a|ab)(c|bcd)", &["abcd", "ac", "abc"], &["abd"]);
}

#[test]
fn classes_ranges_and_negation() {
    check("[abc]+", &["a", "cab"], &["", "abd"]);
    check("[^abc]", &["d", "1", "é"], &["a", "", "dd"]);
    check("[a-zA-Z0-9_-]+", &["Ab_9-x"], &["a b", "a.b"]);
    check("[]a]+", &["]a]"], &["b"]);
    check("[-a]+|[a-]+", &["-a-"], &["b"]);
    check(r"[\d-z]+", &["1-z"], &["a"]);
    check(r"[\s\d]+", &["1 2\t3"], &["a"]);
    check(r"[\x00-\x1F]", &["\u{1}"], &[" "]);
    check(r"[\u00e0-\u00ff]+", &["àéÿ"], &["a"]);
    check(r"\S\W\D", &["a.b", "a b"], &[" .b", "aab", "a.1"]);
    check(r"\w+", &["a_Z9"], &["é", "a-b"]);
    check(r"\s", &[" ", "\t", "\n", "\u{B}", "\u{C}", "\r"], &["\u{A0}", "x"]);
}

#[test]
fn posix_and_unicode_properties() {
    check(r"\p{Alpha}\p{Digit}\p{Alnum}", &["a1b", "Z9Z"], &["é1b", "a11!"]);
    check(r"\p{Upper}\p{Lower}+", &["Abc"], &["ABC", "Ébc"]);
    check(r"\p{Punct}+", &["!-./:@[`{~"], &["a", "é"]);
    check(r"\p{L}+", &["José", "Ελληνικά", "日本", "abc"], &["abc1", "a b", ""]);
    check(r"\P{L}+", &["123 !"], &["1a"]);
    check(r"\p{Lu}\p{Ll}+", &["Émile", "Ωmega"], &["émile", "ÉMILE"]);
    check(r"\p{N}+", &["123", "٣"], &["1a"]);
    check(r"\pL\p{IsL}", &["éx"], &["é1"]);
}

#[test]
fn escapes() {
    check(r"\.\-\(\)\[\]\{\}\*\+\?\|\^\$\/\\", &[r".-()[]{}*+?|^$/\"], &["x"]);
    check(r"\t\n\r\f\e\a", &["\t\n\r\u{C}\u{1B}\u{7}"], &["tnrfea"]);
    check(r"\x41\u00e9\x{1F600}\0101", &["Aé😀A"], &["Aé"]);
    check(r"\cA\@\#", &["\u{1}@#"], &["A@#"]);
}

#[test]
fn dot_refuses_line_terminators() {
    check("a.b", &["a€b", "a😀b", "a b"], &["a\nb", "a\rb", "a\u{85}b", "a\u{2028}b", "a\u{2029}b", "ab"]);
}

#[test]
fn quantifier_bounds() {
    check("a{2,4}", &["aa", "aaa", "aaaa"], &["", "a", "aaaaa"]);
    check("a{3}", &["aaa"], &["aa", "aaaa"]);
    check("a{2,}", &["aa", "aaaaaaa"], &["a"]);
    check("a{0}b", &["b"], &["ab"]);
    check("(ab){1,2}c?", &["ab", "abab", "ababc"], &["", "ababab", "abc c"]);
    check("x*y+z?", &["y", "xxyyz"], &["xz", "yzz"]);
    // Java lets `{n}` with nothing before it repeat the empty string.
    check("{2}a", &["a"], &["aa"]);
}

#[test]
fn lazy_quantifiers_match_the_same_texts() {
    check("a+?b", &["ab", "aaab"], &["b", "aaa"]);
    check(".*?x", &["x", "abcx"], &["abc", "xa"]);
    check("a{2,3}?", &["aa", "aaa"], &["a", "aaaa"]);
    check("a??b", &["b", "ab"], &["aab"]);
}

#[test]
fn groups() {
    check("(?:ab)+", &["ab", "abab"], &["aba", ""]);
    check(r"(?<year>\d{4})-(?<month>\d{2})", &["2024-01"], &["2024-1", "24-01"]);
    check("((a)(b(c)))", &["abc"], &["ab"]);
    check("()+a", &["a"], &[""]);
}

#[test]
fn lookahead() {
    check(r"(?=.*\d)(?=.*[a-z])[a-z0-9]{6,}", &["abcde1", "1abcdef"], &["abcdef", "123456", "abc1"]);
    check("(?!abc).*", &["abd", "", "xabc"], &["abc", "abcd"]);
    check("(?=a).(?=b).", &["ab"], &["aa", "bb"]);
    check("(?=(?!b)a)a", &["a"], &["b"]);
    check("(?!(?=a)b).", &["a", "b"], &[""]);
    // A lookahead may look past the end of what the rest of the pattern consumes.
    check("a(?=bc)bc", &["abc"], &["abd"]);
}

#[test]
fn anchors_and_boundaries() {
    check("^abc$", &["abc"], &["abcd", "xabc"]);
    check("abc$", &["abc"], &["abc\n"]);
    // `$` may stand before a final line terminator, as in Java.
    check("abc$\n", &["abc\n"], &["abc"]);
    check("abc$\r\n", &["abc\r\n"], &[]);
    check(r"\Aabc\z", &["abc"], &["abc\n"]);
    check(r"abc\Z\n?", &["abc", "abc\n"], &[]);
    check(r"foo\b.*", &["foo", "foo bar", "foo-bar"], &["foobar", "foo_bar"]);
    check(r".*\bbar", &["foo bar", "bar"], &["foobar"]);
    check(r"a\Bb", &["ab"], &[]);
    check(r"é\b", &["é"], &[]);
    check("^*a", &["a"], &[]);
}

#[test]
fn case_insensitive_flag() {
    check("(?i)abc", &["abc", "ABC", "aBc"], &["abd"]);
    check("(?i)[a-c]+", &["AbC"], &["d"]);
    check("(?i)[^a]", &["b"], &["a", "A"]);
    // ASCII only, as Java without UNICODE_CASE.
    check("(?i)é", &["é"], &["É"]);
    check("a(?i:b)c", &["abc", "aBc"], &["ABC", "abC"]);
    check("(a(?i)b)c", &["aBc"], &["aBC"]);
    check("a(?i)b|c", &["aB", "C"], &["AB"]);
    check("(?i)ab(?-i)c", &["ABc"], &["ABC"]);
}

#[test]
fn compile_errors_have_clear_reasons() {
    let cases: &[(&str, &str)] = &[
        ("(", "unbalanced parenthesis"),
        (")", "unbalanced parenthesis"),
        ("a(b", "unbalanced parenthesis"),
        ("[a-", "unclosed character class"),
        ("[]", "unclosed character class"),
        ("*a", "nothing to repeat"),
        ("a|+", "nothing to repeat"),
        ("a**", "nothing to repeat"),
        ("a{3,1}", "invalid range"),
        ("[z-a]", "invalid range"),
        (r"[a-\d]", "invalid range"),
        ("a{", "invalid repetition"),
        ("a{,3}", "invalid repetition"),
        (r"\1", "unsupported construct: backreference"),
        (r"(a)\k<a>", "unsupported construct: backreference"),
        ("(?<=a)b", "unsupported construct: lookbehind"),
        ("(?<!a)b", "unsupported construct: lookbehind"),
        ("a++", "unsupported construct: possessive quantifier"),
        ("(?>a)", "unsupported construct: atomic group"),
        ("(?m)a", "unsupported construct: inline flag"),
        ("[a&&b]", "unsupported construct: class intersection"),
        ("[a[b]]", "unsupported construct: nested class"),
        (r"\q", "unknown escape"),
        (r"\E", "unknown escape"),
        (r"\G", "unsupported construct: escape"),
        (r"\Qa.b\E", "unsupported construct: escape"),
        (r"[\b]", "unsupported construct: escape"),
        (r"\uD83D\uDE00", "invalid escape"),
        (r"\c", "invalid escape"),
        (r"\x4", "invalid escape"),
        (r"\x{110000}", "invalid escape"),
        (r"\08", "invalid escape"),
        (r"\p{Foo}", "unknown property"),
        ("a\\", "trailing backslash"),
        ("(?<1a>x)", "invalid group name"),
        ("(a{1000}){1000}", "pattern too complex"),
        ("a{20000}", "pattern too complex"),
        ("a{99999999999}", "pattern too complex"),
    ];
    for (source, expected) in cases {
        assert_eq!(reason(source), *expected, "reason for {source:?}");
    }
    assert_eq!(reason(&"a".repeat(1001)), "pattern too complex");
    assert_eq!(reason(&format!("{}{}", "(".repeat(200), ")".repeat(200))), "pattern too complex");
    assert!(Pattern::compile(&"a".repeat(1000)).is_ok());
}

#[test]
fn error_positions_are_char_indices() {
    let err = Pattern::compile("éé)").err();
    assert_eq!(err, Some(PatternError { reason: "unbalanced parenthesis", position: 2 }));
    let err = Pattern::compile("ab(c").err();
    assert_eq!(err, Some(PatternError { reason: "unbalanced parenthesis", position: 2 }));
    let err = Pattern::compile(r"ab\q").err();
    assert_eq!(err.map(|e| e.to_string()), Some("unknown escape at position 2".to_string()));
}

#[test]
fn pattern_is_debug_and_clone() {
    let pattern = compile(r"\d+");
    let copy = pattern.clone();
    assert!(copy.full_match("42") && !copy.full_match("4a"));
    assert!(!format!("{pattern:?}").is_empty());
}

/// Runs each case and fails if it is wrong or slower than a generous bound.
fn timed(source: &str, text: &str, expected: bool) {
    let pattern = compile(source);
    let start = Instant::now();
    let result = pattern.full_match(text);
    let elapsed = start.elapsed();
    assert_eq!(result, expected, "{source:?} on {} chars", text.chars().count());
    assert!(elapsed < Duration::from_millis(500), "{source:?} took {elapsed:?} on {} chars", text.len());
}

#[test]
fn pathological_patterns_finish_quickly() {
    // uid and empi are matched only up to their 50-character column; 10,000 is 200 times that.
    for n in [1_000, 10_000] {
        let a = "a".repeat(n);
        let x = "x".repeat(n);
        // Both orientations: the failure shows up last for a left-to-right
        // backtracker in the first, for a right-to-left scan in the second.
        for (source, body) in [("(a+)+$", &a), ("(a|aa)*b", &a), ("(x+x+)+y", &x), ("^(a?){30}a{30}$", &a)] {
            timed(source, &format!("{body}!"), false);
            timed(source, &format!("!{body}"), false);
        }
        timed("(a+)+$", &a, true);
        timed("(a|aa)*b", &format!("{a}b"), true);
        timed("(x+x+)+y", &format!("{x}y"), true);
        timed("^(a?){30}a{30}$", &a, false);
        timed("(.*a){20}", &format!("{a}!"), false);
        timed("(.*a){20}", &format!("!{a}"), true);
        // Lookaheads that scan to the end at every position stay linear too.
        timed("(?:(?!.*z).)*", &a, true);
        timed("(?:(?=.*!).)*!", &format!("{a}!"), true);
        timed(r"(\w+\s?)+$", &format!("{a}!"), false);
        timed(r"(\w+\s?)+$", &"ab ".repeat(n / 3), true);
        timed("(?i)(A|a)*", &a, true);
        timed(r"^(?!000|666)[0-8][0-9]{2}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}$", &"1".repeat(n), false);
    }
    timed("^(a?){30}a{30}$", &"a".repeat(30), true);
    timed("^(a?){30}a{30}$", &"a".repeat(60), true);
    timed("^(a?){30}a{30}$", &"a".repeat(61), false);
}

#[test]
fn large_counted_repetitions_stay_bounded() {
    // Cost is at worst program length x text length; no blow-up beyond that.
    timed("a{0,300}", &"a".repeat(600), false);
    timed("a{0,300}", &"a".repeat(300), true);
    timed(r"[\w-]{1,200}(?:\.[\w-]{1,200}){0,5}", &"ab-c.".repeat(40), false);
}

#[test]
fn every_substring_of_tricky_patterns_is_handled_without_panic() {
    let patterns = [
        r"^(?!000|666)[0-8][0-9]{2}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}$",
        r"(?<name>[A-Z][a-z]+)\s(?:\p{L}+|\d{2,})?",
        r"[^\]\\-][\x{1F600}-\x{1F64F}]*",
        r"(?i)(?:ab|c)+?\b\B\A\z\Z$",
        r"\Qa.b*\E{2}(?=x)(?!y)",
        r"[\p{Lu}\P{N}\w-]{0,3}",
        r"\u00e9\uD83D\uDE00\0123\0400\cM\t",
        r"(a+)+$|(a|aa)*b|(x+x+)+y",
        r"^(a?){30}a{30}$",
        r"(?<=a)b(?<!c)",
        r"a++b*+c?+(?>d)",
        r"\1\k<x>(x)",
        r"[a-z&&[^x]][[a]]",
        r"a{3,1}b{,2}c{99999999999}d{2",
        r"(?i:x(?-i)y)(?imsx)",
        r"((((((((((a))))))))))",
        r"\p{Alpha}\p{IsL}\pN\p{",
        r"[]]|[^]]|[\]]",
        r"(?:)*(|a)+(){2,}",
        r"\\\.\-\(\)\[\]\{\}\*\+\?\|\^\$\/",
        r".*?\.{1,}?\d??",
        r"(?=(?=(?=a)))(?!(?!(?!b)))",
        r"[\d-\w][a-][-z][\s-\S]",
        r"\x{}\x{110000}\xZZ\u12\0\08",
        r"é+ü{2}(日本|中国)?",
        r"(?<a>x)(?<a>y)(?<1>z)",
        r"{2}{3}a{2}{3}",
        r"(a{1000}){1000}",
        r"\bword\b|\Bnot\B",
        r"[\\\[\]^-]+\z",
    ];
    let texts = ["", "a", "aaa!", "123-45-6789", "José Ü", "x\ny", "[]\\-", "😀é", "ab ab"];
    let mut compiled = 0;
    for source in patterns {
        let chars: Vec<char> = source.chars().collect();
        for start in 0..=chars.len() {
            for end in start..=chars.len() {
                let sub: String = chars[start..end].iter().collect();
                if let Ok(pattern) = Pattern::compile(&sub) {
                    compiled += 1;
                    for text in texts {
                        let _ = pattern.full_match(text);
                    }
                }
            }
        }
    }
    // Most substrings are valid patterns; make sure the loop did real work.
    assert!(compiled > 1_000, "only {compiled} substrings compiled");
}
