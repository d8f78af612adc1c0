// The demo portal: three update forms checked by openspecimen-validate, through its public API only.
import { createValidator, locales } from '../pkg/index.js';
import { FORMS } from './fields.js';
import { DEFAULT_PERMISSIBLE_VALUES, EXAMPLES, SERVER_SEEDS_EXAMPLE, SSN_PATTERN } from './defaults.js';
import { renderForm, readPayload, fillForm, setPermissibleOptions, applyVersion, applyRequired, compareVersions } from './form-glue.js';
import { FormController } from './feedback.js';
import { initTabs } from './tabs.js';
import { readSettings, settingOf, clearProblems, showProblem } from './settings.js';
import { renderJson } from './json-view.js';

const $ = (id) => document.getElementById(id);

const state = {
  options: {},
  validator: null,
  active: 'user',
};

// ---------------------------------------------------------------------------------------------------
// Live output: the body the active form would send, and what `schema.validate` says of it

function requestOf(key, payload) {
  const description = FORMS[key];
  const id = payload.id === '' || payload.id === undefined ? '{id}' : String(payload.id).trim();
  return { method: description.method(state.options.mode ?? 'put'), url: description.url(id) };
}

let outputTimer;
function updateOutput() {
  clearTimeout(outputTimer);
  outputTimer = undefined;
  const key = state.active;
  const payload = readPayload($(`${key}-form`));
  const result = state.validator[key].validate(payload);
  const { method, url } = requestOf(key, payload);
  $('request-method').textContent = method;
  $('request-url').textContent = url;
  renderJson($('request-body'), payload);
  const errors = result.issues.filter((issue) => issue.severity === 'error').length;
  const warnings = result.issues.length - errors;
  const badge = $('result-badge');
  badge.textContent = result.valid ? 'valid' : 'invalid';
  badge.className = `badge ${result.valid ? 'badge--ok' : 'badge--bad'}`;
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  $('result-counts').textContent = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  renderJson($('result-json'), { valid: result.valid, issues: result.issues });
  $('value-block').hidden = !result.valid;
  if (result.valid) renderJson($('value-json'), result.value);
}

function outputSoon() {
  clearTimeout(outputTimer);
  outputTimer = setTimeout(updateOutput, 120);
}

// ---------------------------------------------------------------------------------------------------
// The forms

const controllers = {};

function announce(text) {
  const region = $('announcer');
  region.textContent = '';
  setTimeout(() => {
    region.textContent = text;
  }, 50);
}

for (const key of Object.keys(FORMS)) {
  const form = $(`${key}-form`);
  renderForm(form, key, FORMS[key]);
  const panel = $(`panel-${key}`);
  controllers[key] = new FormController({
    form,
    summary: panel.querySelector('.summary'),
    status: panel.querySelector('.send-status'),
    schema: () => state.validator[key],
    lang: () => (Object.hasOwn(locales, state.options.locale ?? 'en') ? state.options.locale : 'en'),
    request: (payload) => {
      const { method, url } = requestOf(key, payload);
      return `${method} ${url}`;
    },
    onChange: () => {
      if (state.active === key) outputSoon();
    },
    announce,
  });
  panel.querySelector('.toolbar').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-example]');
    if (!button) return;
    const which = button.dataset.example;
    fillForm(form, which === 'clear' ? {} : EXAMPLES[key][which]);
    controllers[key].load(which !== 'clear');
    announce(which === 'clear' ? 'Form cleared.' : which === 'valid' ? 'A valid record was filled in.' : 'A record with mistakes was filled in; see the messages at the fields.');
  });
}

// ---------------------------------------------------------------------------------------------------
// Settings: every change builds a new validator with createValidator(options) and re-checks

const settingsForm = $('settings');

function listsInForce(options) {
  return { ...DEFAULT_PERMISSIBLE_VALUES, ...(options.permissibleValues ?? {}) };
}

function showVersionNotes(version) {
  const shown = version === '' ? 'the newest' : version;
  const before5 = compareVersions(version, '5.0') < 0;
  const participantNote = $('panel-participant').querySelector('.notice');
  participantNote.hidden = before5;
  participantNote.textContent = `Your server is ${shown}: this request was removed in 5.0. On such a server, update the participant inside a registration (Update Registration).`;
  const registrationNote = $('panel-registration').querySelector('.notice');
  registrationNote.hidden = !before5;
  registrationNote.textContent = `Your server is ${shown}: this request exists from 5.0 on. Before 5.0, use Update Participant.`;
  $('ethnicity-note').textContent =
    compareVersions(version, '4.0') < 0 ? 'This version sends one ethnicity (ethnicity).' : 'This version sends a list of ethnicities (ethnicities).';
}

let applying = Promise.resolve();
async function applySettings() {
  clearProblems(settingsForm);
  const { options, problem } = readSettings(settingsForm);
  if (problem) {
    showProblem(settingsForm, problem);
    return false;
  }
  if (options.locale !== 'en' && !Object.hasOwn(locales, options.locale)) {
    // Other languages load on demand; importing one registers it.
    await import(`../pkg/locales/${options.locale}.js`);
  }
  let validator;
  try {
    validator = createValidator(options);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    showProblem(settingsForm, { setting: settingOf(error.message), message: error.message });
    return false;
  }
  state.validator = validator;
  state.options = options;
  renderJson($('options-json'), options);
  const version = options.serverVersion ?? '';
  for (const key of Object.keys(FORMS)) {
    const form = $(`${key}-form`);
    setPermissibleOptions(form, listsInForce(options));
    applyVersion(form, version);
    applyRequired(form, options.settings);
  }
  showVersionNotes(version);
  for (const controller of Object.values(controllers)) controller.refresh();
  updateOutput();
  return true;
}

function settingsChanged() {
  applying = applying.then(applySettings).catch((error) => {
    showProblem(settingsForm, { setting: '', message: String(error?.message ?? error) });
  });
  return applying;
}

let settingsTimer;
settingsForm.addEventListener('input', (event) => {
  clearTimeout(settingsTimer);
  const typing = event.target.matches('input[type="text"], textarea');
  settingsTimer = setTimeout(settingsChanged, typing ? 400 : 0);
});
settingsForm.addEventListener('submit', (event) => event.preventDefault());
settingsForm.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-fill]');
  if (!button) return;
  const target = settingsForm.elements.namedItem(button.dataset.fill);
  const value = { ssn: SSN_PATTERN, seeds: JSON.stringify(SERVER_SEEDS_EXAMPLE, null, 2), none: '' }[button.dataset.value];
  target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true }));
});

// ---------------------------------------------------------------------------------------------------
// Start: the first validator, the examples, the tabs

await applySettings();
for (const key of Object.keys(FORMS)) {
  fillForm($(`${key}-form`), EXAMPLES[key].valid);
  controllers[key].load(false);
}
initTabs($('tabs'), (key) => {
  state.active = key;
  updateOutput();
});
$('load-state').textContent = 'Validator ready.';
document.body.dataset.ready = 'true';
