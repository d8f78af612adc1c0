// Shared constants and helpers of the peer validators: the clock, the default permissible values,
// and the few checks that every peer expresses the same way (email and IP-range regexes, dates).
// Keeping them in one place makes the peers differ only in how their library applies the rules.

/** The fixed clock of every peer and of the WASM run, so "not in the future" is deterministic. */
export const NOW = Date.UTC(2026, 0, 1);

// Default permissible values (shared/spec/permissible-values.json).
export const GENDERS = ['Male Gender', 'Female Gender', 'Unknown', 'Unspecified'];
export const RACES = [
  'American Indian or Alaska Native',
  'Asian',
  'Black or African American',
  'Native Hawaiian or other Pacific Islander',
  'Not Reported',
  'Unknown',
  'White',
];
export const ETHNICITIES = ['Hispanic or Latino', 'Not Hispanic or Latino', 'Not Reported', 'Unknown'];
export const VITAL_STATUSES = ['Alive', 'Dead', 'Unknown', 'Unspecified'];

export const USER_TYPES = ['SUPER', 'INSTITUTE', 'NONE', 'CONTACT'];
/** `Regular`, in any case, is an alias of NONE. */
export const REGULAR_RE = /^regular$/i;
/** `Archived` is an alias of Closed. */
export const USER_STATUSES = ['Active', 'Locked', 'Pending', 'Disabled', 'Closed', 'Expired', 'Archived'];
export const PARTICIPANT_STATUSES = ['Active', 'Disabled', 'Closed'];

/**
 * One `local@domain` address: an unquoted local part without whitespace, controls, `()<>,;:\"[]@`,
 * leading/trailing or double dots, or a quoted one; a domain of Unicode letters, digits, `-` and
 * dots (no dot required), or a `[…]` literal. Tested on the trimmed value.
 */
export const EMAIL_RE =
  /^(?:[^\s\p{Cc}()<>,;:\\"[\].@]+(?:\.[^\s\p{Cc}()<>,;:\\"[\].@]+)*|"(?:[^"\\\p{Cc}]|\\[^\p{Cc}])*")@(?:[\p{L}\p{Nd}-]+(?:\.[\p{L}\p{Nd}-]+)*|\[[^[\]\\\s]*\])$/u;

const V4 = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?:/(?:3[0-2]|[12]?\d))?`;
const H = '[0-9A-Fa-f]{1,4}';
const V6 =
  `(?:(?:${H}:){7}${H}|(?:${H}:){1,7}:|(?:${H}:){1,6}:${H}|(?:${H}:){1,5}(?::${H}){1,2}|(?:${H}:){1,4}(?::${H}){1,3}` +
  `|(?:${H}:){1,3}(?::${H}){1,4}|(?:${H}:){1,2}(?::${H}){1,5}|${H}:(?::${H}){1,6}|:(?:(?::${H}){1,7}|:))` +
  String.raw`(?:/(?:12[0-8]|1[01]\d|[1-9]?\d))?`;
/** Source of IP_RANGE_RE, for libraries that take a pattern string (JSON Schema). */
export const IP_RANGE_SOURCE = String.raw`^\s*(?:\*|(?:${V4}|${V6})(?:\s*,\s*(?:${V4}|${V6}))*)\s*$`;
/** `*` alone, or a comma-separated list (spaces around commas ignored) of IPv4/IPv6 addresses or CIDR ranges. */
export const IP_RANGE_RE = new RegExp(IP_RANGE_SOURCE, 'u');

/** Length in Unicode code points, as the spec counts it. */
export function codePoints(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 === s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      n++;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** `s` (already trimmed) is longer than `max` code points. */
export function tooLong(s, max) {
  return s.length > max && codePoints(s) > max;
}

/** The shapes a date may take as a string, blank included (a range check follows in parseDate). */
export const DATE_STRING_RE = /^\s*(?:\d*|\d{4}-\d{2}-\d{2}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)\s*$/;

function daysInMonth(y, m) {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The digits of s[from, to) as a number, or -1 if any is not a digit. */
function digits(s, from, to) {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const DASH = 45;
const COLON = 58;

/**
 * A date as the server reads it: epoch milliseconds (number or digit string), `yyyy-MM-dd`
 * (local midnight; a day 29–31 past the month's end rolls over) or an ISO instant ending in `Z`
 * (seconds required, fraction optional). Returns the epoch milliseconds, `undefined` when missing
 * (null, blank), or NaN when invalid.
 */
export function parseDate(v) {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : NaN;
  if (typeof v !== 'string') return NaN;
  const s = v.trim();
  const n = s.length;
  if (n === 0) return undefined;
  if (n >= 10 && s.charCodeAt(4) === DASH && s.charCodeAt(7) === DASH) {
    const y = digits(s, 0, 4);
    const mo = digits(s, 5, 7);
    const d = digits(s, 8, 10);
    if (y < 0 || mo < 0 || d < 0) return NaN;
    if (n === 10) {
      if (mo < 1 || mo > 12 || d < 1 || d > 31) return NaN;
      if (y >= 100) return new Date(y, mo - 1, d).getTime(); // local midnight; rolls over past the month's end
      const date = new Date(0); // years 0–99, which the Date constructor would read as 19xx
      date.setFullYear(y, mo - 1, d);
      date.setHours(0, 0, 0, 0);
      return date.getTime();
    }
    // yyyy-MM-ddTHH:mm:ss[.fff…]Z
    if (n < 20 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== COLON || s.charCodeAt(16) !== COLON || s.charCodeAt(n - 1) !== 90) return NaN;
    const h = digits(s, 11, 13);
    const mi = digits(s, 14, 16);
    const sec = digits(s, 17, 19);
    let ms = 0;
    if (n > 20) {
      if (s.charCodeAt(19) !== 46 || n === 21 || digits(s, 20, n - 1) < 0) return NaN;
      ms = Math.floor(Number(`0${s.slice(19, n - 1)}`) * 1000);
    }
    if (h < 0 || mi < 0 || sec < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) return NaN;
    if (y >= 100) return Date.UTC(y, mo - 1, d, h, mi, sec, ms);
    const date = new Date(0);
    date.setUTCFullYear(y, mo - 1, d);
    date.setUTCHours(h, mi, sec, ms);
    return date.getTime();
  }
  return digits(s, 0, n) < 0 ? NaN : Number(s);
}

/** A boolean field: `true`/`false` or the strings `"true"`/`"false"`. */
export function isBooleanLike(v) {
  return v === true || v === false || v === 'true' || v === 'false';
}
