// Messages at the fields, the error summary and the "would send" state of one form. Validation runs
// through the package's schema only: `validateField(path, value, payload)` while the user types
// (debounced) or leaves a field, `validate(payload)` on submit. Message text is set as text, never
// parsed as HTML.
import { h, readPayload, getPath, controlsOf, addRow, renumber } from './form-glue.js';

const TYPING_DELAY_MS = 300;

function parentPath(path) {
  const match = path.match(/^(.*)(\[\d+\]|\.[^.[\]]+)$/);
  return match ? match[1] : '';
}

function isControl(node) {
  return node instanceof HTMLInputElement || node instanceof HTMLSelectElement || node instanceof HTMLTextAreaElement;
}

/** Where an issue is shown: the control named by its field, else the nearest list or control above it, else the form. */
export function targetFor(form, field) {
  for (let path = field; path; path = parentPath(path)) {
    const control = Array.from(form.querySelectorAll(`[name="${CSS.escape(path)}"]`)).find((node) => !node.disabled);
    if (control) return control;
    const list = form.querySelector(`[data-list-path="${CSS.escape(path)}"]`);
    if (list) return list;
  }
  return form;
}

function issueNode(issue) {
  const warning = issue.severity === 'warning';
  return h(
    'p',
    { class: `issue issue--${warning ? 'warning' : 'error'}`, 'data-code': issue.code },
    h('span', { class: 'issue__icon', 'aria-hidden': 'true' }, warning ? '!' : '×'),
    h('span', { class: 'issue__text' }, h('strong', { class: warning ? 'issue__label' : 'issue__label visually-hidden' }, warning ? 'Warning:' : 'Error:'), ' ', issue.message),
    h('code', { class: 'issue__code', 'aria-hidden': 'true' }, issue.code),
  );
}

/** Shows `issues` at one target: the message element its aria-describedby names, aria-invalid, custom validity. */
export function showIssues(target, issues, lang) {
  const message = document.getElementById(target.dataset.msg);
  message.replaceChildren(...issues.map(issueNode));
  if (lang && lang !== 'en') message.lang = lang;
  else message.removeAttribute('lang');
  const errors = issues.filter((issue) => issue.severity === 'error');
  const box = target.closest('.field') ?? target;
  box.classList.toggle('has-error', errors.length > 0);
  box.classList.toggle('has-warning', errors.length === 0 && issues.length > 0);
  if (isControl(target)) {
    if (errors.length > 0) target.setAttribute('aria-invalid', 'true');
    else target.removeAttribute('aria-invalid');
    // Warnings never block: only errors make the control invalid.
    target.setCustomValidity(errors.map((issue) => issue.message).join('\n'));
  }
}

function byTarget(form, issues) {
  const groups = new Map();
  for (const issue of issues) {
    const target = targetFor(form, issue.field);
    if (!groups.has(target)) groups.set(target, []);
    groups.get(target).push(issue);
  }
  return groups;
}

function inDocumentOrder(a, b) {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Moves focus to an issue's target and brings its label into view. */
export function focusTarget(target) {
  let focusable = target;
  if (!isControl(target)) focusable = target.querySelector('input:not(:disabled), select:not(:disabled), textarea:not(:disabled), button') ?? target;
  focusable.focus({ preventScroll: true });
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  (focusable.closest('.field') ?? focusable).scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
}

export class FormController {
  /**
   * @param {object} o
   * @param {HTMLFormElement} o.form
   * @param {HTMLElement} o.summary  the error summary (role="alert")
   * @param {HTMLElement} o.status   the "would send" state (role="status")
   * @param {() => import('../pkg/index.js').Schema} o.schema  the schema in force
   * @param {() => string} o.lang    the message language in force
   * @param {(payload: object) => string} o.request  'PUT /openspecimen/rest/ng/users/42'
   * @param {() => void} o.onChange  the body changed
   * @param {(text: string) => void} o.announce  a polite announcement
   */
  constructor(o) {
    Object.assign(this, o);
    this.timers = new Map();
    this.form.dataset.msg = this.form.querySelector('.form__msg').id;
    this.form.addEventListener('input', (event) => this.onInput(event));
    this.form.addEventListener('focusout', (event) => this.onLeave(event));
    this.form.addEventListener('click', (event) => this.onClick(event));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.summary.addEventListener('click', (event) => {
      const link = event.target.closest('a[data-target]');
      if (!link) return;
      event.preventDefault();
      const target = document.getElementById(link.dataset.target);
      if (target) focusTarget(target);
    });
  }

  onInput(event) {
    const control = event.target;
    if (!isControl(control) || !control.name) return;
    control.dataset.touched = 'true';
    this.status.hidden = true;
    this.onChange();
    clearTimeout(this.timers.get(control));
    if (control.type === 'checkbox' || control.tagName === 'SELECT' || control.type === 'date') {
      this.timers.delete(control);
      this.check(control);
    } else {
      this.timers.set(control, setTimeout(() => this.check(control), TYPING_DELAY_MS));
    }
  }

  onLeave(event) {
    const control = event.target;
    if (!isControl(control) || !control.name || !control.isConnected) return;
    control.dataset.touched = 'true';
    this.check(control);
  }

  onClick(event) {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    const list = button.closest('[data-list-path]');
    if (button.dataset.action === 'add-row') {
      const row = addRow(list);
      row.querySelector('input').focus();
      this.announce(`MRN entry ${list.querySelectorAll('.row').length} added.`);
    } else if (button.dataset.action === 'remove-row') {
      const row = button.closest('.row');
      const next = row.nextElementSibling ?? row.previousElementSibling;
      row.remove();
      renumber(list);
      (next?.querySelector('[data-action="remove-row"]') ?? list.querySelector('[data-action="add-row"]')).focus();
      this.announce('MRN entry removed.');
    }
    this.status.hidden = true;
    this.recheckTouched();
    this.onChange();
  }

  /** The field's own issues (cross-field rules included), then every field the user has already seen. */
  check(control) {
    clearTimeout(this.timers.get(control));
    this.timers.delete(control);
    const others = controlsOf(this.form).filter((node) => node !== control && node.dataset.touched === 'true');
    this.checkControls([control, ...others]);
  }

  recheckTouched() {
    this.checkControls(controlsOf(this.form).filter((node) => node.dataset.touched === 'true'));
  }

  checkControls(controls) {
    const payload = readPayload(this.form);
    const schema = this.schema();
    for (const control of controls) {
      if (!control.isConnected || control.disabled) continue;
      const issues = schema.validateField(control.name, getPath(payload, control.name), payload);
      const groups = byTarget(this.form, issues);
      if (!groups.has(control)) groups.set(control, []);
      for (const [target, list] of groups) showIssues(target, list, this.lang());
    }
  }

  /** Every target of the form, cleared, then the issues of a whole-payload result. */
  showAll(issues) {
    const targets = [this.form, ...this.form.querySelectorAll('[data-list-path]'), ...controlsOf(this.form)];
    const groups = byTarget(this.form, issues);
    for (const target of targets) showIssues(target, groups.get(target) ?? [], this.lang());
    return groups;
  }

  /** The whole payload through `schema.validate`; on errors a summary and focus on the first invalid field. */
  submit({ focus = true } = {}) {
    const payload = readPayload(this.form);
    const result = this.schema().validate(payload);
    for (const control of controlsOf(this.form)) control.dataset.touched = 'true';
    const groups = this.showAll(result.issues);
    const errors = result.issues.filter((issue) => issue.severity === 'error');
    const warnings = result.issues.length - errors.length;
    this.submitted = true;
    if (result.valid) {
      this.hideSummary();
      this.showStatus(payload, warnings);
      return result;
    }
    this.status.hidden = true;
    this.showSummary(errors, warnings);
    if (focus) {
      const invalid = [...groups].filter(([, list]) => list.some((issue) => issue.severity === 'error')).map(([target]) => target);
      invalid.sort(inDocumentOrder);
      focusTarget(invalid[0]);
    }
    return result;
  }

  showSummary(errors, warnings) {
    const lang = this.lang();
    const title = h('h3', { class: 'summary__title' }, errors.length === 1 ? 'There is a problem' : `There are ${errors.length} problems`);
    const list = h('ul', { class: 'summary__list' });
    // In the order of the form, as the user reads it (a stable sort keeps one field's issues in order).
    const entries = errors.map((issue) => ({ issue, target: targetFor(this.form, issue.field) }));
    entries.sort((a, b) => inDocumentOrder(a.target, b.target));
    for (const { issue, target } of entries) {
      list.append(
        h(
          'li',
          {},
          h('a', { href: `#${target.id}`, 'data-target': target.id, lang: lang === 'en' ? null : lang }, issue.message),
          ' ',
          h('code', { class: 'summary__path' }, issue.field || '(body)'),
        ),
      );
    }
    const note = h('p', { class: 'summary__note' }, 'Nothing was sent. Fix these fields and submit again.');
    if (warnings > 0) note.append(` ${warnings === 1 ? 'One warning is' : `${warnings} warnings are`} shown at the fields too; warnings do not block sending.`);
    this.summary.hidden = false;
    this.summary.replaceChildren(title, list, note);
  }

  hideSummary() {
    this.summary.hidden = true;
    this.summary.replaceChildren();
  }

  showStatus(payload, warnings) {
    const request = this.request(payload);
    const children = [
      h('strong', { class: 'status__title' }, 'Valid: would send'),
      ' ',
      h('code', { class: 'status__request' }, request),
      h('span', { class: 'status__note' }, ` with the body shown under Request. Nothing was sent: this page makes no network requests.${warnings > 0 ? ` ${warnings === 1 ? 'One warning' : `${warnings} warnings`} did not block it.` : ''}`),
    ];
    this.status.hidden = false;
    this.status.replaceChildren(...children);
  }

  /** After new settings: the messages in place again, with the new validator (no focus move). */
  refresh() {
    if (this.submitted && (!this.summary.hidden || !this.status.hidden)) this.submit({ focus: false });
    else this.recheckTouched();
  }

  /** Puts a record in the form and shows what the validator says of it (no summary, no focus move). */
  load(checkAll) {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.hideSummary();
    this.status.hidden = true;
    this.submitted = false;
    for (const control of this.form.querySelectorAll('[data-touched]')) delete control.dataset.touched;
    if (checkAll) {
      for (const control of controlsOf(this.form)) control.dataset.touched = 'true';
      this.showAll(this.schema().validate(readPayload(this.form)).issues);
    } else {
      this.showAll([]);
    }
    this.onChange();
  }
}
