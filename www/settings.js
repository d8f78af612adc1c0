// The settings panel: its controls as the `options` of createValidator, and a bad setting's message
// next to that setting.
import { h } from './form-glue.js';

/** The options the settings describe, or the setting that cannot be read (JSON that does not parse). */
export function readSettings(form) {
  const value = (name) => form.elements.namedItem(name).value;
  const options = { mode: form.querySelector('input[name="mode"]:checked').value, locale: value('locale') };
  const version = value('serverVersion').trim();
  if (version !== '') options.serverVersion = version;
  const settings = { uidMandatory: form.elements.namedItem('uidMandatory').checked };
  if (value('uidPattern').trim() !== '') settings.uidPattern = value('uidPattern');
  if (value('mpiPattern').trim() !== '') settings.mpiPattern = value('mpiPattern');
  options.settings = settings;
  const lists = value('permissibleValues').trim();
  if (lists !== '') {
    try {
      options.permissibleValues = JSON.parse(lists);
    } catch (error) {
      return { problem: { setting: 'permissibleValues', message: `This is not JSON: ${error.message}` } };
    }
  }
  return { options };
}

/** The setting a TypeError of createValidator names ('options.settings.uidPattern is not …'). */
export function settingOf(message) {
  const match = /options\.(?:settings\.)?(\w+)/.exec(message);
  return match ? match[1] : '';
}

function targetOf(form, setting) {
  const control = form.elements.namedItem(setting);
  if (control instanceof RadioNodeList) return form.querySelector(`fieldset[data-setting="${setting}"]`);
  return control ?? null;
}

export function clearProblems(form) {
  for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  for (const node of form.querySelectorAll('.has-error')) node.classList.remove('has-error');
  for (const node of form.querySelectorAll('.field__msg')) node.replaceChildren();
}

/** Shows a bad setting's message at the setting (or at the top of the panel when it names none). */
export function showProblem(form, { setting, message }) {
  const target = targetOf(form, setting);
  const box = target?.closest('.field') ?? form.querySelector('.settings__general');
  const slot = box.querySelector('.field__msg');
  slot.replaceChildren(
    h(
      'p',
      { class: 'issue issue--error' },
      h('span', { class: 'issue__icon', 'aria-hidden': 'true' }, '×'),
      h('span', { class: 'issue__text' }, h('strong', { class: 'issue__label' }, 'Not applied:'), ' ', message),
    ),
  );
  box.classList.add('has-error');
  if (target && !(target instanceof HTMLFieldSetElement)) target.setAttribute('aria-invalid', 'true');
}
