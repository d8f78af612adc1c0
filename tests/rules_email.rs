mod common;

use common::XorShift;
use openspecimen_validate::rules::email::is_valid_email;

fn assert_valid(address: &str) {
    assert!(is_valid_email(address), "expected valid: {address:?}");
}

fn assert_invalid(address: &str) {
    assert!(!is_valid_email(address), "expected invalid: {address:?}");
}

#[test]
fn plain_addresses() {
    assert_valid("admin@admin.com");
    assert_valid("a.b-c_d+e@sub.example.org");
    assert_valid("x@y");
    assert_valid("first.last@example.co.uk");
    assert_valid("user!#$%&'*/=?^`{|}~@example.org");
    assert_valid("1234@5678");
    assert_valid("a@x-y.org");
}

#[test]
fn no_dot_required_in_domain() {
    assert_valid("admin@localhost");
}

#[test]
fn quoted_local_parts() {
    assert_valid(r#""john doe"@x.org"#);
    assert_valid(r#""a\"b"@x.org"#);
    assert_valid(r#""a\\b"@x.org"#);
    assert_valid(r#""a@b"@x.org"#);
    assert_valid(r#"".a..b."@x.org"#);
    assert_valid(r#""(a),<b>;[c]:"@x.org"#);
    assert_valid("\"ünï cødé\"@x.org");
}

#[test]
fn broken_quoted_local_parts() {
    assert_invalid(r#""a"b@x"#);
    assert_invalid(r#"a"b"@x"#);
    assert_invalid(r#""a@x"#);
    assert_invalid(r#""a"@"#);
    assert_invalid(r#""a""@x"#);
    assert_invalid(r#""a"b"@x"#);
    assert_invalid(r#""a\"@x"#);
    assert_invalid(r#""a\"#);
    assert_invalid(r#""a"x@y"#);
    assert_invalid(r#""a" @x"#);
    assert_invalid("\"a\tb\"@x");
    assert_invalid("\"a\\\tb\"@x");
    assert_invalid("\"a\nb\"@x");
    assert_invalid("\"a\u{0}b\"@x");
    assert_invalid("\"a\u{7f}b\"@x");
    assert_invalid("\"a\u{2028}b\"@x");
    // An empty quoted local part is as useless as an empty one.
    assert_invalid(r#"""@x"#);
    assert_invalid("\"");
}

#[test]
fn unicode_letters() {
    assert_valid("josé@exämple.de");
    assert_valid("用户@例子.中国");
    assert_valid("ивan@пример.рф");
}

#[test]
fn domain_literals() {
    assert_valid("x@[192.168.0.1]");
    assert_valid("x@[IPv6:::1]");
    assert_invalid("x@[]");
    assert_invalid("a@[1.2.3.4");
    assert_invalid("a@1.2.3.4]");
    assert_invalid("a@[1.2.3.4]x");
    assert_invalid("a@x[1.2.3.4]");
    assert_invalid("a@[1.2 .3.4]");
    assert_invalid("a@[1.2[3].4]");
    assert_invalid("a@[1\\.2]");
    assert_invalid("a@[ä]");
}

#[test]
fn missing_parts() {
    assert_invalid("");
    assert_invalid("a");
    assert_invalid("@");
    assert_invalid("@x.org");
    assert_invalid("a@");
}

#[test]
fn dots() {
    assert_invalid("a..b@x");
    assert_invalid(".a@x");
    assert_invalid("a.@x");
    assert_invalid("a@.x");
    assert_invalid("a@x.");
    assert_invalid("a@x..y");
    assert_invalid("a@.");
    assert_invalid(".@x");
}

#[test]
fn whitespace_and_controls() {
    assert_invalid("a b@x");
    assert_invalid("a@x y");
    assert_invalid("a\tb@x");
    assert_invalid("a@x\ty");
    assert_invalid("a\nb@x");
    assert_invalid("a@x\ny");
    assert_invalid("a\u{0}@x");
    assert_invalid("a@x\u{0}");
    assert_invalid("a\u{7f}@x");
    assert_invalid("a\u{85}@x");
    assert_invalid("a\u{a0}b@x");
    assert_invalid("a\u{3000}b@x");
    assert_invalid("a@x\u{a0}y");
}

#[test]
fn several_addresses_and_display_names() {
    assert_invalid("a@b@c");
    assert_invalid("Ann <ann@x.org>");
    assert_invalid("<ann@x.org>");
    assert_invalid("a,b@x");
    assert_invalid("a@x,b@y");
    assert_invalid("a@x, b@y");
    assert_invalid("a@x;b@y");
    assert_invalid("group: a@x;");
    assert_invalid("a(b)@x");
    assert_invalid("a@x (comment)");
}

#[test]
fn specials_in_unquoted_local_part() {
    for special in ['(', ')', '<', '>', ',', ';', ':', '\\', '"', '[', ']'] {
        let mut address = String::from("a");
        address.push(special);
        address.push_str("b@x.org");
        assert_invalid(&address);
    }
}

#[test]
fn domain_characters() {
    assert_invalid("a@x_y");
    assert_invalid("a@x+y");
    assert_invalid("a@x/y");
    assert_invalid("a@x:25");
    assert_invalid("a@x!");
    assert_invalid("a@x'y");
    assert_invalid("a@x\"y\"");
    assert_invalid("a@ex😀.org");
}

#[test]
fn long_and_odd_inputs_do_not_panic() {
    let long = "a".repeat(10_000) + "@" + &"b.".repeat(5_000) + "c";
    assert_valid(&long);
    for s in ["\"", "\\", "@@", "\"\\", "\"@\"", "[", "]", "a@[", "a@]", "é@", "@é", "\"é"] {
        let _ = is_valid_email(s);
    }
}

#[test]
fn random_strings_do_not_panic_and_accepted_ones_have_one_at_outside_quotes() {
    const ALPHABET: &[char] = &[
        'a', 'Z', '0', '.', '-', '_', '@', '"', '\\', '[', ']', '(', ')', '<', '>', ',', ';', ':', ' ', '\t', '\n',
        '\u{0}', '\u{7f}', 'é', 'ä', '😀', '\u{a0}',
    ];
    let mut rng = XorShift(0x1234_5678_9abc_def1);
    for _ in 0..300_000 {
        let len = rng.below(16);
        let s: String = (0..len).map(|_| ALPHABET[rng.below(ALPHABET.len() as u64) as usize]).collect();
        if is_valid_email(&s) {
            assert!(!s.chars().any(|c| c.is_control()), "{s:?}");
            let domain = s.rsplit('@').next().unwrap_or("");
            assert!(!domain.is_empty() && !domain.contains('"'), "{s:?}");
            if !s.starts_with('"') {
                assert_eq!(s.matches('@').count(), 1, "{s:?}");
                assert!(!s.contains(' '), "{s:?}");
            }
        }
    }
}
