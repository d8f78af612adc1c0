mod common;

use common::XorShift;
use openspecimen_validate::rules::ip::is_valid_ip_range;

fn assert_valid(list: &str) {
    assert!(is_valid_ip_range(list), "expected valid: {list:?}");
}

fn assert_invalid(list: &str) {
    assert!(!is_valid_ip_range(list), "expected invalid: {list:?}");
}

#[test]
fn star_alone() {
    assert_valid("*");
    assert_valid(" * ");
    assert_invalid("*,10.0.0.1");
    assert_invalid("10.0.0.1,*");
    assert_invalid("*,*");
    assert_invalid("**");
    assert_invalid("*/8");
    assert_invalid("10.*.0.1");
    assert_invalid("10.0.0.*");
}

#[test]
fn ipv4_addresses() {
    assert_valid("10.0.0.1");
    assert_valid("0.0.0.0");
    assert_valid("255.255.255.255");
    assert_valid("192.168.1.254");
    // Leading zeros: up to 3 digits, read as decimal.
    assert_valid("010.001.000.009");
    assert_valid("000.000.000.000");
}

#[test]
fn broken_ipv4_addresses() {
    assert_invalid("256.1.1.1");
    assert_invalid("1.256.1.1");
    assert_invalid("1.1.1.256");
    assert_invalid("999.1.1.1");
    assert_invalid("0001.1.1.1");
    assert_invalid("1.2.3");
    assert_invalid("1.2");
    assert_invalid("1");
    assert_invalid("1.2.3.4.5");
    assert_invalid("1.2.3.");
    assert_invalid(".1.2.3");
    assert_invalid("1..2.3");
    assert_invalid("1.2.3.4.");
    assert_invalid("+1.2.3.4");
    assert_invalid("1.+2.3.4");
    assert_invalid("-1.2.3.4");
    assert_invalid("a.b.c.d");
    assert_invalid("0x1.2.3.4");
    assert_invalid("1.2.3.4a");
    assert_invalid("1.2 .3.4");
    assert_invalid("１.2.3.4");
    assert_invalid("٣.2.3.4");
}

#[test]
fn ipv4_cidr() {
    assert_valid("10.0.0.0/8");
    assert_valid("10.0.0.0/0");
    assert_valid("10.0.0.1/32");
    assert_valid("10.0.0.0/08");
    assert_invalid("1.2.3.4/33");
    assert_invalid("1.2.3.4/128");
    assert_invalid("1.2.3.4/");
    assert_invalid("/8");
    assert_invalid("1.2.3.4/-1");
    assert_invalid("1.2.3.4/+8");
    assert_invalid("1.2.3.4/0008");
    assert_invalid("1.2.3.4/8/8");
    assert_invalid("1.2.3.4/a");
    assert_invalid("1.2.3.4 /8");
    assert_invalid("1.2.3.4/ 8");
    assert_invalid("1.2.3.4/255.0.0.0");
}

#[test]
fn ipv6_addresses() {
    assert_valid("1:2:3:4:5:6:7:8");
    assert_valid("2001:0db8:85a3:0000:0000:8a2e:0370:7334");
    assert_valid("2001:DB8::8A2E:370:7334");
    assert_valid("::1");
    assert_valid("::");
    assert_valid("1::");
    assert_valid("fe80::");
    assert_valid("1::8");
    assert_valid("1:2:3:4:5:6:7::");
    assert_valid("::2:3:4:5:6:7:8");
    assert_valid("1:2:3::6:7:8");
    assert_valid("0:0:0:0:0:0:0:0");
    assert_valid("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
}

#[test]
fn ipv6_with_ipv4_suffix() {
    assert_valid("::ffff:1.2.3.4");
    assert_valid("::1.2.3.4");
    assert_valid("1:2:3:4:5:6:1.2.3.4");
    assert_valid("1::5:6:1.2.3.4");
    assert_valid("1:2:3:4:5::1.2.3.4");
    assert_invalid("1:2:3:4:5:6:7:1.2.3.4");
    assert_invalid("1:2:3:4:5:6::1.2.3.4");
    assert_invalid("1:2:3:4:5:1.2.3.4");
    assert_invalid("::ffff:256.1.1.1");
    assert_invalid("::ffff:1.2.3");
    assert_invalid("::1.2.3.4:1");
    assert_invalid("1.2.3.4::");
    assert_invalid("1.2.3.4::1");
    assert_invalid("::1.2.3.4.5");
}

#[test]
fn broken_ipv6_addresses() {
    assert_invalid("1:2:3:4:5:6:7:8:9");
    assert_invalid("1:2:3:4:5:6:7");
    assert_invalid("1::2::3");
    assert_invalid("::1::");
    assert_invalid(":::");
    assert_invalid(":::1");
    assert_invalid("1:::2");
    assert_invalid("1::2:");
    assert_invalid(":1::2");
    assert_invalid(":");
    assert_invalid("1:");
    assert_invalid(":1");
    assert_invalid("1:2:3:4:5:6:7:8::");
    assert_invalid("::1:2:3:4:5:6:7:8");
    assert_invalid("1::2:3:4:5:6:7:8");
    assert_invalid("12345::1");
    assert_invalid("g::1");
    assert_invalid("1:2:3:4:5:6:7:8:");
    assert_invalid("fe80::1%eth0");
    assert_invalid("fe80::1%1");
    assert_invalid("[::1]");
    assert_invalid("[::1]/128");
    assert_invalid(":: 1");
}

#[test]
fn ipv6_cidr() {
    assert_valid("::1/128");
    assert_valid("::/0");
    assert_valid("2001:db8::/32");
    assert_valid("::ffff:1.2.3.4/96");
    assert_valid("2001:db8::/064");
    assert_invalid("::1/129");
    assert_invalid("::1/1000");
    assert_invalid("::1/");
    assert_invalid("::1/64/64");
    assert_invalid("fe80::1%eth0/64");
}

#[test]
fn lists() {
    assert_valid("10.0.0.0/8, 192.168.1.0/24");
    assert_valid(" 10.0.0.1 ,::1");
    assert_valid("10.0.0.1,::1,2001:db8::/32,172.16.0.0/12");
    assert_valid("10.0.0.1 , 10.0.0.2");
    assert_valid("10.0.0.1,\t10.0.0.2");
    assert_invalid("10.0.0.1,");
    assert_invalid(",10.0.0.1");
    assert_invalid("10.0.0.1,,10.0.0.2");
    assert_invalid("10.0.0.1, ,10.0.0.2");
    assert_invalid(",");
    assert_invalid(",,");
    assert_invalid("10.0.0.1;10.0.0.2");
    assert_invalid("10.0.0.1 10.0.0.2");
    assert_invalid("10.0.0.1,256.0.0.1");
}

#[test]
fn empty_and_hostnames() {
    assert_invalid("");
    assert_invalid(" ");
    assert_invalid("localhost");
    assert_invalid("example.org");
    assert_invalid("host.example.org/24");
    assert_invalid("10.0.0.1-10.0.0.9");
    assert_invalid("any");
    assert_invalid("all");
}

#[test]
fn long_and_odd_inputs_do_not_panic() {
    let long_v6 = "1:".repeat(10_000) + "1";
    assert_invalid(&long_v6);
    let long_list = "10.0.0.1,".repeat(5_000) + "::1";
    assert_valid(&long_list);
    let long_prefix = String::from("10.0.0.1/") + &"9".repeat(1_000);
    assert_invalid(&long_prefix);
    for s in ["/", "//", ".", "...", "::/", "é", "1.2.3.é", "::é", "%", "*,", ",*"] {
        assert_invalid(s);
    }
}

/// A dotted decimal part of an IPv4 address with a leading zero (`010`), which std rejects.
fn has_leading_zero_octet(address: &str) -> bool {
    let v4 = address.rsplit(':').next().unwrap_or("");
    v4.contains('.') && v4.split('.').any(|part| part.len() > 1 && part.starts_with('0'))
}

/// Candidates built from groups and separators, most near-valid, a few broken.
fn candidate(rng: &mut XorShift) -> String {
    const HEX: &[u8] = b"0123456789abcdefABCDEF";
    let mut s = String::new();
    let groups = rng.below(10);
    for i in 0..groups {
        if i > 0 {
            s.push_str(match rng.below(12) {
                0 => "::",
                1 => ":::",
                _ => ":",
            });
        }
        for _ in 0..rng.below(6) {
            s.push(char::from(HEX[rng.below(HEX.len() as u64) as usize]));
        }
    }
    if rng.below(3) == 0 {
        if !s.is_empty() || rng.below(2) == 0 {
            s.push_str(if rng.below(3) == 0 { "::" } else { ":" });
        }
        for i in 0..3 + rng.below(3) {
            if i > 0 {
                s.push('.');
            }
            for _ in 0..rng.below(5) {
                s.push(char::from(b'0' + rng.below(10) as u8));
            }
        }
    }
    if rng.below(10) == 0 {
        s.insert_str(0, "::");
    }
    if rng.below(10) == 0 {
        s.push_str("::");
    }
    s
}

#[test]
fn agrees_with_std_on_generated_addresses() {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let mut accepted = 0;
    for _ in 0..300_000 {
        let address = candidate(&mut rng);
        let std_ok = address.parse::<std::net::Ipv4Addr>().is_ok() || address.parse::<std::net::Ipv6Addr>().is_ok();
        let ours = is_valid_ip_range(&address);
        if std_ok {
            assert!(ours, "std accepts, we reject: {address:?}");
        } else if ours {
            assert!(has_leading_zero_octet(&address), "we accept, std rejects: {address:?}");
        }
        accepted += usize::from(ours);
    }
    // The generator must produce a fair share of valid addresses for the check to mean much.
    assert!(accepted > 10_000, "only {accepted} valid candidates");
}

#[test]
fn accepts_every_std_formatted_address() {
    let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
    for _ in 0..50_000 {
        let bits = u128::from(rng.next()) << 64 | u128::from(rng.next());
        // Zero out random groups so that `::` compression appears in many places.
        let mut v6 = bits;
        for group in 0..8 {
            if rng.below(2) == 0 {
                v6 &= !(0xffff_u128 << (group * 16));
            }
        }
        let v6 = std::net::Ipv6Addr::from(v6).to_string();
        let v4 = std::net::Ipv4Addr::from(rng.next() as u32).to_string();
        let prefix6 = rng.below(129);
        let prefix4 = rng.below(33);
        assert!(is_valid_ip_range(&v6), "{v6}");
        assert!(is_valid_ip_range(&v4), "{v4}");
        let list = format!("{v4}/{prefix4} , {v6}/{prefix6}");
        assert!(is_valid_ip_range(&list), "{list}");
        let mapped = format!("::ffff:{v4}");
        assert!(is_valid_ip_range(&mapped), "{mapped}");
        let too_long4 = format!("{v4}/{}", 33 + rng.below(967));
        assert!(!is_valid_ip_range(&too_long4), "{too_long4}");
        let too_long6 = format!("{v6}/{}", 129 + rng.below(871));
        assert!(!is_valid_ip_range(&too_long6), "{too_long6}");
    }
}

#[test]
fn random_strings_do_not_panic() {
    const ALPHABET: &[char] =
        &['0', '1', '9', 'a', 'f', 'g', ':', '.', '/', ',', '*', ' ', '\t', '%', '[', ']', '-', '+', 'é', '٣'];
    let mut rng = XorShift(7);
    for _ in 0..200_000 {
        let len = rng.below(24);
        let s: String = (0..len).map(|_| ALPHABET[rng.below(ALPHABET.len() as u64) as usize]).collect();
        let _ = is_valid_ip_range(&s);
    }
}
