// openspecimen-validate: the entry a portal imports. The WebAssembly module is ready when this
// module's import resolves (top-level await), in browsers and in Node 20+.
import init, { initSync } from './wasm/openspecimen_validate.js';
import { createValidator, defaultValidator } from './validator.js';

const wasmUrl = new URL('./wasm/openspecimen_validate_bg.wasm', import.meta.url);
if (wasmUrl.protocol === 'file:') {
  // Node (and other file-based runtimes): read the bytes; fetch() does not read file: URLs there.
  const fsModule = 'node:fs';
  const { readFileSync } = await import(/* @vite-ignore */ fsModule);
  initSync({ module: readFileSync(wasmUrl) });
} else {
  await init({ module_or_path: wasmUrl });
}

export { createValidator };
export { locales, registerLocale } from './messages.js';

/** Checks an Update User body (`PUT /rest/ng/users/{id}`). */
export function validateUser(payload, options) {
  return defaultValidator(options).user.validate(payload);
}

/** Checks an Update Participant body (`PUT /rest/ng/participants/{id}`, servers before 5.0). */
export function validateParticipant(payload, options) {
  return defaultValidator(options).participant.validate(payload);
}

/** Checks an Update Registration body (`PUT /rest/ng/collection-protocol-registrations/{id}`, 5.0 on). */
export function validateRegistration(payload, options) {
  return defaultValidator(options).registration.validate(payload);
}

/** Checks many payloads of one kind, 1,000 per call into WebAssembly; an array of results in the same order. */
export function validateMany(kind, payloads, options) {
  return schemaOf(kind, options).validateMany(payloads);
}

/** The issues of one field, cross-field rules included; `payload` gives the other fields. */
export function validateField(kind, path, value, payload, options) {
  return schemaOf(kind, options).validateField(path, value, payload);
}

const KINDS = ['user', 'participant', 'registration'];

function schemaOf(kind, options) {
  if (!KINDS.includes(kind)) {
    throw new TypeError(`kind must be 'user', 'participant' or 'registration', not ${String(kind)}`);
  }
  return defaultValidator(options)[kind];
}
