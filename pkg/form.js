// bindForm: a plain HTML form checked by a schema. Control names are payload paths (`pmis[1].siteName`);
// each issue lands on its control through the Constraint Validation API (setCustomValidity, errors
// only), a visible message linked by aria-describedby, and aria-invalid. Messages are set as text.
// With submit validation the form is marked novalidate while bound, so its submit handler always runs;
// the page's own constraints (required, pattern, type=email…) still count, their message shown when
// the schema has none.

const VALIDATE_ON = ['blur', 'input', 'submit'];
const SKIPPED = new Set(['submit', 'button', 'reset', 'image', 'file']);
let generated = 0;

/** `pmis[1].siteName` (or `pmis.1.siteName`) as `['pmis', 1, 'siteName']`. */
const segments = (path) => String(path).split(/[.[\]]/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** The spelling of issue.field: `pmis[1].siteName`. */
const fieldName = (parts) => parts.map((part, i) => (typeof part === 'number' ? `[${part}]` : i ? `.${part}` : part)).join('');

function setAt(target, parts, value) {
  let node = target;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) node[part] = value;
    else {
      if (!Object.hasOwn(node, part) || node[part] === null || typeof node[part] !== 'object') {
        node[part] = typeof parts[i + 1] === 'number' ? [] : {};
      }
      node = node[part];
    }
  });
}

const getAt = (source, parts) => parts.reduce((node, part) => (node !== null && typeof node === 'object' ? node[part] : undefined), source);

/** The value of the controls that share a name. */
function readGroup({ controls }) {
  const [first] = controls;
  if (first.type === 'radio') return controls.find((c) => c.checked)?.value ?? '';
  if (first.type === 'checkbox') return controls.length > 1 ? controls.filter((c) => c.checked).map((c) => c.value) : first.checked;
  if (first.type === 'select-multiple') return [...first.selectedOptions].map((option) => option.value);
  return first.value;
}

export function bindForm(form, schema, options = {}) {
  if (form?.tagName !== 'FORM') throw new TypeError('bindForm needs a <form> element');
  if (typeof schema?.validate !== 'function' || typeof schema.validateField !== 'function') {
    throw new TypeError('bindForm needs a schema such as createValidator().user');
  }
  const { fields = {}, read, onResult, summary = null, validateOn = ['blur', 'submit'] } = options;
  for (const when of validateOn) {
    if (!VALIDATE_ON.includes(when)) throw new TypeError(`options.validateOn: '${when}' is not 'blur', 'input' or 'submit'`);
  }
  const doc = form.ownerDocument;
  const states = new Map(); // control name → { element, created, shown, error }
  const described = new Map(); // control → the id this binding added to its aria-describedby
  const noValidate = form.noValidate;
  const summaryRole = summary?.getAttribute('role');
  // Submit validation replaces the browser's (whose bubble would stop the submit event from firing).
  if (validateOn.includes('submit')) form.noValidate = true;
  summary?.setAttribute('role', 'alert');

  /** The named controls, grouped by name in document order. */
  const collect = () => {
    const groups = new Map();
    for (const control of form.elements) {
      if (!control.name || control.disabled || SKIPPED.has(control.type) || !/^(INPUT|SELECT|TEXTAREA)$/.test(control.tagName)) continue;
      if (!groups.has(control.name)) {
        const parts = segments(Object.hasOwn(fields, control.name) ? fields[control.name] : control.name);
        groups.set(control.name, { name: control.name, parts, field: fieldName(parts), controls: [] });
      }
      groups.get(control.name).controls.push(control);
    }
    return groups;
  };

  const readPayload = (groups) => {
    if (read) return read(form);
    const payload = {};
    for (const group of groups.values()) setAt(payload, group.parts, readGroup(group));
    return payload;
  };

  const messageElement = (group, state) => {
    if (state.element?.isConnected) return state.element;
    state.base ??= group.controls[0].id || `osv-${++generated}`;
    state.element = doc.getElementById(`${state.base}-error`);
    if (!state.element) {
      const element = doc.createElement('div');
      element.id = `${state.base}-error`;
      element.className = 'field-message';
      element.setAttribute('aria-live', 'polite');
      const last = group.controls.at(-1);
      const fieldset = group.controls.length > 1 ? last.closest('fieldset') : null;
      if (fieldset && form.contains(fieldset) && group.controls.every((c) => fieldset.contains(c))) fieldset.append(element);
      else (last.closest('label') ?? last).after(element);
      state.element = element;
      state.created = true;
    }
    return state.element;
  };

  const describe = (control, id, on) => {
    const tokens = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    if (on && !tokens.includes(id)) {
      control.setAttribute('aria-describedby', [...tokens, id].join(' '));
      described.set(control, id);
    } else if (!on && described.get(control) === id) {
      const rest = tokens.filter((token) => token !== id);
      if (rest.length) control.setAttribute('aria-describedby', rest.join(' '));
      else control.removeAttribute('aria-describedby');
      described.delete(control);
    }
  };

  /** Shows a group's issues (maybe none) on its controls; returns whether the group has an error. */
  const show = (group, issues, natively = true) => {
    let native = '';
    for (const control of group.controls) {
      control.setCustomValidity('');
      if (natively && !native && !control.validity.valid) native = control.validationMessage;
    }
    const errors = issues.filter((issue) => issue.severity === 'error').map((issue) => issue.message);
    const messages = issues.map((issue) => issue.message);
    if (!errors.length && native) messages.unshift(native);
    const state = states.get(group.name) ?? {};
    states.set(group.name, state);
    state.error = errors.length > 0 || Boolean(native);
    if (!messages.length && !state.shown) return state.error;
    const element = messageElement(group, state);
    for (const control of group.controls) {
      control.setCustomValidity(errors.join(' '));
      if (state.error) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      describe(control, element.id, messages.length > 0);
    }
    element.textContent = messages.join(' ');
    element.hidden = !messages.length;
    if (messages.length) element.dataset.severity = state.error ? 'error' : 'warning';
    else delete element.dataset.severity;
    state.shown = messages.length > 0;
    return state.error;
  };

  const showSummary = (issues) => {
    if (!summary) return;
    const tag = /^(UL|OL)$/.test(summary.tagName) ? 'li' : 'p';
    summary.replaceChildren(...issues.map((issue) => {
      const item = doc.createElement(tag);
      item.textContent = issue.message;
      item.dataset.severity = issue.severity;
      return item;
    }));
    summary.hidden = !issues.length;
  };

  /** Validates the whole payload and shows the issues of the groups `only` accepts (all by default). */
  const run = (only = () => true) => {
    const groups = collect();
    const byField = new Map([...groups.values()].filter((g) => g.controls.some((c) => c.type !== 'hidden')).map((g) => [g.field, g]));
    const result = schema.validate(readPayload(groups));
    const perGroup = new Map();
    const orphans = [];
    for (const issue of result.issues) {
      // An issue belongs to the control named by the longest prefix of its path (`races[1]` → races).
      let group = null;
      for (let length = issue.path.length; length > 0 && !group; length--) group = byField.get(fieldName(issue.path.slice(0, length)));
      if (group) perGroup.set(group, [...(perGroup.get(group) ?? []), issue]);
      else orphans.push(issue);
    }
    const invalid = [...groups.values()].filter((group) => only(group) && show(group, perGroup.get(group) ?? []));
    return { result, invalid, orphans };
  };

  const validateControl = (control) => {
    const groups = collect();
    const group = groups.get(control.name);
    if (!group) return;
    const payload = readPayload(groups);
    show(group, schema.validateField(group.field, getAt(payload, group.parts), payload));
  };

  const isOurs = (target) => target.form === form && target.name;
  // Focus going to a submit button: the submit checks everything, and a message appearing now would
  // move the button from under the pointer between mousedown and click.
  const toSubmitter = ({ relatedTarget: to }) => to?.form === form && to.type === 'submit';
  const onFocusOut = (event) => isOurs(event.target) && !toSubmitter(event) && validateControl(event.target);
  const onInput = (event) => {
    if (!isOurs(event.target)) return;
    if (validateOn.includes('input')) validateControl(event.target);
    // A shown message is re-checked on every change, so it goes as soon as the form is fixed.
    if ([...states.values()].some((state) => state.shown)) run((group) => states.get(group.name)?.shown);
  };

  const onSubmit = (event) => {
    if (event.submitter?.formNoValidate) return;
    const { result, invalid, orphans } = run();
    showSummary(orphans);
    if (!result.valid || invalid.length) {
      event.preventDefault();
      const [first] = invalid;
      if (first) (first.controls.find((c) => c.checked) ?? first.controls[0]).focus();
      else if (summary) {
        if (!summary.hasAttribute('tabindex')) summary.tabIndex = -1;
        summary.focus();
      }
    }
    onResult?.(result, event);
  };

  const reset = () => {
    for (const group of collect().values()) show(group, [], false);
    showSummary([]);
  };

  const listeners = [['reset', reset, false], ['input', onInput, false]];
  if (validateOn.includes('blur')) listeners.push(['focusout', onFocusOut, false]);
  if (validateOn.includes('submit')) listeners.push(['submit', onSubmit, true]);
  for (const [type, listener, capture] of listeners) form.addEventListener(type, listener, capture);

  return {
    validate() {
      const { result, orphans } = run();
      showSummary(orphans);
      return result;
    },
    reset,
    destroy() {
      for (const [type, listener, capture] of listeners) form.removeEventListener(type, listener, capture);
      reset();
      for (const state of states.values()) if (state.created) state.element?.remove();
      states.clear();
      form.noValidate = noValidate;
      if (summaryRole === null) summary?.removeAttribute('role');
      else summary?.setAttribute('role', summaryRole);
    },
  };
}
