// Messages: the only place message text lives. Rust reports codes and params; this turns them into
// text in the caller's locale, with per-code overrides.
import en from './locales/en.js';

/**
 * Locales by tag. A locale is `{ messages: { CODE or CODE.reason: template }, fields: { key: label } }`.
 * English is built in; another language registers itself when imported (`import
 * 'openspecimen-validate/locales/fr'`), so a page downloads only the languages it uses.
 */
export const locales = { en };

/** Adds or replaces a locale, for portals that translate the messages themselves. */
export function registerLocale(tag, locale) {
  if (typeof tag !== 'string' || !locale || !locale.messages || typeof locale.messages !== 'object') {
    throw new TypeError('registerLocale(tag, { messages, fields }) needs a tag and a messages table');
  }
  // An own property even for a tag such as '__proto__'.
  Object.defineProperty(locales, tag, { value: locale, enumerable: true, writable: true, configurable: true });
}

function resolveLocale(tag) {
  if (tag === undefined || tag === null) return en;
  if (typeof tag !== 'string') throw new TypeError('options.locale must be a language tag such as "en" or "fr"');
  const language = tag.split(/[-_]/)[0].toLowerCase();
  if (Object.hasOwn(locales, tag)) return locales[tag];
  return Object.hasOwn(locales, language) ? locales[language] : en;
}

function checkOverrides(messages) {
  if (messages === undefined || messages === null) return {};
  if (typeof messages !== 'object' || Array.isArray(messages)) {
    throw new TypeError('options.messages must be an object of message templates keyed by code');
  }
  for (const [code, template] of Object.entries(messages)) {
    if (typeof template !== 'string') throw new TypeError(`options.messages.${code} must be a string`);
  }
  return messages;
}

// Splitting on this keeps the names: ['Enter ', 'label', ' as …'] (odd indices are placeholders).
const PLACEHOLDER = /\{(\w+)\}/;

/** A function that gives an issue its message: overrides first, then the locale, then English. */
export function messageFormatter(localeTag, overrides) {
  const locale = resolveLocale(localeTag);
  const custom = checkOverrides(overrides);
  const tables = [custom, locale.messages, en.messages];
  const labels = [locale.fields ?? {}, en.fields];
  // Templates split once per code and reason, then reused: forms format the same few messages on
  // every keystroke.
  const compiled = new Map();

  const template = (code, reason) => {
    const key = reason === undefined ? code : `${code}.${reason}`;
    let parts = compiled.get(key);
    if (parts === undefined) {
      parts = lookup(code, reason).split(PLACEHOLDER);
      compiled.set(key, parts);
    }
    return parts;
  };

  const lookup = (code, reason) => {
    for (const table of tables) {
      if (reason !== undefined && Object.hasOwn(table, `${code}.${reason}`)) return table[`${code}.${reason}`];
      if (Object.hasOwn(table, code)) return table[code];
    }
    return en.messages.UNKNOWN_CODE;
  };

  const label = (issue) => {
    // The field a message speaks of: the last key of the path (a list element is its list).
    let key = '';
    for (let i = issue.path.length - 1; i >= 0; i--) {
      if (typeof issue.path[i] === 'string') {
        key = issue.path[i];
        break;
      }
    }
    if (issue.code === 'UNKNOWN_FIELD' || issue.code === 'PUT_RESETS_FIELD') key = issue.params?.field ?? key;
    for (const table of labels) if (Object.hasOwn(table, key)) return table[key];
    return key;
  };

  return (issue) => {
    const params = issue.params ?? {};
    const parts = template(issue.code, params.reason);
    let message = parts[0];
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i];
      if (name === 'label') message += label(issue);
      else if (name === 'path') message += issue.field;
      else message += Object.hasOwn(params, name) ? String(params[name]) : `{${name}}`;
      message += parts[i + 1];
    }
    return message;
  };
}
