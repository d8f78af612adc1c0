// createValidator: options parsed once (in Rust), schemas that forms and form libraries call.
import { Engine } from './wasm/openspecimen_validate.js';
import { messageFormatter } from './messages.js';

const VENDOR = 'openspecimen-validate';
const KIND_CODES = { user: 0, participant: 1, registration: 2 };
const OPTION_NAMES = ['mode', 'serverVersion', 'now', 'locale', 'messages', 'permissibleValues', 'settings'];

/** Largest payload accepted, in UTF-16 code units of its JSON text (4 MiB of UTF-8 in Rust covers it). */
export const MAX_PAYLOAD_CHARS = 1024 * 1024;

/** Payloads per WebAssembly call in validateMany (about 400 KB of JSON for typical participants). */
const BATCH_SIZE = 1000;

// Payload text crosses as UTF-8 bytes: one native encode into a reused buffer, then one copy into
// WebAssembly memory. Texts past SCRATCH_MAX get their own buffer, so a huge paste is not kept alive.
const encoder = new TextEncoder();
const SCRATCH_MAX = 64 * 1024;
let scratch = new Uint8Array(4096);

function utf8(text) {
  const most = text.length * 3;
  if (most > SCRATCH_MAX) return encoder.encode(text);
  if (scratch.length < most) scratch = new Uint8Array(SCRATCH_MAX);
  return scratch.subarray(0, encoder.encodeInto(text, scratch).written);
}

/** The key Rust reads as "a value JSON cannot carry". */
const UNSUPPORTED = '\u0000unsupported';

function unsupported(kind) {
  return { [UNSUPPORTED]: kind };
}

// Validates what JSON.stringify would send, but marks the values it would silently drop or turn into
// null (NaN, Infinity, BigInt, functions, symbols, invalid dates), so they are reported, not lost.
function replacer(key, value) {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : unsupported(String(value));
    case 'object':
      if (value === null && this[key] instanceof Date) return unsupported('Invalid Date');
      return value;
    case 'bigint':
      return unsupported('BigInt');
    case 'function':
      return unsupported('function');
    case 'symbol':
      return unsupported('symbol');
    default:
      return key === '' ? unsupported('undefined') : value;
  }
}

// Whether JSON.stringify would drop or null out a value somewhere in `value`. A quick scan is about
// three times cheaper than a replacer (which V8 calls for every key), so only payloads that need the
// marks pay for them. It errs towards "yes" (objects with their own toJSON), never towards "no".
function isLossy(value, depth) {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return false;
    case 'number':
      return !Number.isFinite(value);
    case 'object':
      if (value === null || depth > 64) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (isLossy(value[i], depth + 1)) return true;
        return false;
      }
      if (typeof value.toJSON === 'function') return !(value instanceof Date) || Number.isNaN(value.getTime());
      for (const key in value) if (isLossy(value[key], depth + 1)) return true;
      return false;
    default:
      return true;
  }
}

/** The payload's JSON text, or an issue saying why it has none. */
function payloadText(payload) {
  let text;
  let lossy;
  try {
    lossy = payload === undefined || isLossy(payload, 0);
    text = lossy ? JSON.stringify(payload, replacer) : JSON.stringify(payload);
  } catch (error) {
    // A cycle, a getter or Proxy trap that throws: the payload cannot be sent as it is.
    const detail = error instanceof Error ? error.message : String(error);
    return { issue: { code: 'INVALID_REQUEST', path: [], field: '', severity: 'error', params: { reason: 'unreadable', detail } } };
  }
  if (text.length > MAX_PAYLOAD_CHARS) {
    const params = { reason: 'tooLarge', length: text.length, max: MAX_PAYLOAD_CHARS };
    return { issue: { code: 'INVALID_REQUEST', path: [], field: '', severity: 'error', params } };
  }
  return { text, lossy };
}

/** `pmis[1].siteName` as `['pmis', 1, 'siteName']`. */
function pathSegments(field) {
  return field.split(/[.[\]]/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function checkOptions(options) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('options must be an object');
  }
  for (const name of Object.keys(options)) {
    if (!OPTION_NAMES.includes(name)) {
      throw new TypeError(`options.${name} is not an option; use ${OPTION_NAMES.join(', ')}`);
    }
  }
  return options;
}

function readNow(now) {
  if (now === undefined || now === null) return null;
  const ms = now instanceof Date ? now.getTime() : now;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new TypeError('options.now must be a Date or epoch milliseconds');
  }
  return ms;
}

/**
 * A valid result whose value is read only when asked for (most on-change checks never read it):
 * `valueText()` is the payload's own text when nothing was normalised, else the normalised text.
 */
function validResult(issues, valueText) {
  let value;
  return {
    valid: true,
    issues,
    get value() {
      value ??= JSON.parse(valueText());
      return value;
    },
    set value(replacement) {
      value = replacement;
    },
  };
}

/**
 * Parses and checks `options` once; the validator's schemas reuse them on every call.
 * Bad options throw a TypeError that names the option.
 */
export function createValidator(options) {
  const checked = checkOptions(options);
  const fixedNow = readNow(checked.now);
  const format = messageFormatter(checked.locale, checked.messages);
  const rustOptions = {
    mode: checked.mode,
    serverVersion: checked.serverVersion,
    permissibleValues: checked.permissibleValues,
    settings: checked.settings,
  };
  let optionsText;
  try {
    optionsText = JSON.stringify(rustOptions);
  } catch (error) {
    throw new TypeError(`options cannot be read: ${error.message}`);
  }
  const engine = new Engine(optionsText);
  const now = fixedNow === null ? Date.now : () => fixedNow;

  const addMessages = (issues) => {
    for (const issue of issues) issue.message = format(issue);
    return issues;
  };

  // Rust answers a flat list, `[valid, code, path, field, severity, params, code, …]` (valid and
  // severity 1 or 0, params an object or 0), which parses faster than a list of objects; a batch entry
  // may end with one more element, `null`, when the normalised value changed (5 issues values each,
  // so the length then leaves 1 over after the verdict).
  const readIssues = (flat) => {
    const issues = [];
    const end = flat.length - ((flat.length - 1) % 5);
    for (let i = 1; i < end; i += 5) {
      const issue = { code: flat[i], path: flat[i + 1], field: flat[i + 2], severity: flat[i + 3] === 1 ? 'error' : 'warning' };
      if (flat[i + 4] !== 0) issue.params = flat[i + 4];
      issue.message = format(issue);
      issues.push(issue);
    }
    return issues;
  };

  const schema = (kind) => {
    const code = KIND_CODES[kind];
    // `withValue`: build a changed normalised value now (Standard Schema returns it at once); else it
    // is built by a second call if `value` is read, with the same text and instant.
    const run = (payload, withValue) => {
      const { text, issue } = payloadText(payload);
      if (issue) return { valid: false, issues: addMessages([issue]), value: null };
      // "" (valid, no issue, nothing normalised), or the flat line, then a line for the normalised
      // value when it differs from the payload (empty unless `withValue`).
      const at = now();
      const out = engine.validate(code, utf8(text), at, withValue);
      const own = () => text;
      if (out === '') return validResult([], own);
      const end = out.indexOf('\n');
      const flat = JSON.parse(end < 0 ? out : out.slice(0, end));
      const issues = readIssues(flat);
      if (flat[0] === 0) return { valid: false, issues, value: null };
      if (end < 0) return validResult(issues, own);
      if (withValue) return validResult(issues, () => out.slice(end + 1));
      return validResult(issues, () => normalised(text, at));
    };
    // The normalised value's text, from a call that builds it; the text itself when that call finds
    // nothing to normalise (in a batch, one payload's unsupported value marks every payload as changed).
    const normalised = (text, at) => {
      const full = engine.validate(code, utf8(text), at, true);
      const end = full.indexOf('\n');
      return end < 0 ? text : full.slice(end + 1);
    };
    const validate = (payload) => run(payload, false);
    const validateField = (path, value, payload) => {
      if (typeof path !== 'string') throw new TypeError('path must be a string such as "pmis[1].mrn"');
      const read = payloadText(value === undefined ? null : value);
      if (read.issue) return addMessages([{ ...read.issue, path: pathSegments(path), field: path }]);
      let payloadJson = '';
      if (payload !== undefined && payload !== null) {
        const whole = payloadText(payload);
        if (whole.issue) return addMessages([whole.issue]);
        payloadJson = whole.text;
      }
      return readIssues(JSON.parse(engine.validateField(code, path, read.text, payloadJson, now())));
    };
    // One stringify and one copy into WebAssembly per BATCH_SIZE payloads. A batch whose text is
    // over the size limit (or cannot be read) is checked payload by payload, so each gets its answer.
    const validateBatch = (payloads, at, results) => {
      const { text, lossy, issue } = payloadText(payloads);
      if (issue) {
        for (let i = 0; i < payloads.length; i++) results.push(validate(payloads[i])); // holes too
        return;
      }
      // Per payload: 0 (valid, no issue, nothing normalised), or the flat list, ending with `null`
      // when the normalised value differs from the payload (built, as in validate, only if read).
      const answers = JSON.parse(engine.validateMany(code, utf8(text), at, false));
      answers.forEach((flat, index) => {
        const issues = flat === 0 ? [] : readIssues(flat);
        if (flat !== 0 && flat[0] === 0) {
          results.push({ valid: false, issues, value: null });
          return;
        }
        // The payload's text now, not after the caller changes the object.
        const own = lossy ? JSON.stringify(payloads[index], replacer) : JSON.stringify(payloads[index]);
        const changed = flat !== 0 && (flat.length - 1) % 5 === 1;
        results.push(validResult(issues, changed ? () => normalised(own, at) : () => own));
      });
    };
    const validateMany = (payloads) => {
      if (!Array.isArray(payloads)) throw new TypeError('validateMany takes an array of payloads');
      const at = now();
      const results = [];
      for (let start = 0; start < payloads.length; start += BATCH_SIZE) {
        validateBatch(payloads.slice(start, start + BATCH_SIZE), at, results);
      }
      return results;
    };
    return {
      validate,
      validateField,
      validateMany,
      '~standard': {
        version: 1,
        vendor: VENDOR,
        // Standard Schema: `{ value }` when valid, else `{ issues }` with the errors (warnings never fail it).
        validate(value) {
          const result = run(value, true);
          if (result.valid) return { value: result.value };
          return { issues: result.issues.filter((issue) => issue.severity === 'error') };
        },
      },
    };
  };

  return Object.freeze({
    user: Object.freeze(schema('user')),
    participant: Object.freeze(schema('participant')),
    registration: Object.freeze(schema('registration')),
  });
}

let sharedDefault;
const byOptions = new WeakMap();

/** The validator for the top-level functions: one per options object, so repeated calls parse once. */
export function defaultValidator(options) {
  if (options === undefined || options === null) {
    sharedDefault ??= createValidator();
    return sharedDefault;
  }
  if (typeof options !== 'object') return createValidator(options);
  let validator = byOptions.get(options);
  if (!validator) {
    validator = createValidator(options);
    byOptions.set(options, validator);
  }
  return validator;
}
