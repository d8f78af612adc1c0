// The demo's own form glue (no framework): renders the fields that fields.js describes, reads a form
// into the request body, fills it from an example and keeps the MRN rows numbered. Every control's
// name is its path in the body: `firstName`, `pmis[1].siteName`, `participant.birthDate`.

/** A new element; text children become text nodes (never parsed as HTML). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** `participant.pmis[1].siteName` as `['participant', 'pmis', 1, 'siteName']`. */
export function segments(path) {
  return path
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** An element id for a control of one form: `participant-pmis-1-siteName`. */
export function idFor(formKey, path) {
  return `${formKey}-${segments(path).join('-')}`;
}

export function setPath(target, path, value) {
  const parts = segments(path);
  let node = target;
  parts.forEach((part, index) => {
    if (index === parts.length - 1) {
      node[part] = value;
      return;
    }
    if (node[part] === undefined || node[part] === null || typeof node[part] !== 'object') {
      node[part] = typeof parts[index + 1] === 'number' ? [] : {};
    }
    node = node[part];
  });
}

export function getPath(source, path) {
  let node = source;
  for (const part of segments(path)) {
    if (node === undefined || node === null || typeof node !== 'object') return undefined;
    node = node[part];
  }
  return node;
}

/** Compares server versions by numeric parts ('4' = '4.0'); a blank version is the newest. */
export function compareVersions(a, b) {
  const parts = (version) => (version.trim() === '' ? [Infinity] : version.trim().split('.').map(Number));
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0);
    if (difference !== 0 && !Number.isNaN(difference)) return Math.sign(difference);
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------------
// Rendering

function makeControl(kind, def) {
  switch (kind) {
    case 'textarea':
      return h('textarea', { rows: 2, spellcheck: 'false' });
    case 'date':
      return h('input', { type: 'date' });
    case 'checkbox':
      return h('input', { type: 'checkbox' });
    case 'select':
    case 'multiselect': {
      const select = h('select', { multiple: kind === 'multiselect' });
      if (def.pv) {
        select.dataset.pv = def.pv;
      } else {
        for (const option of def.options) {
          const [value, label] = Array.isArray(option) ? option : [option, option];
          select.append(h('option', { value }, label));
        }
      }
      return select;
    }
    case 'email':
      // type="text": an email input would trim and punycode the value before the validator sees it.
      return h('input', { type: 'text', inputmode: 'email', autocomplete: 'off', spellcheck: 'false' });
    case 'tel':
      return h('input', { type: 'tel', autocomplete: 'off' });
    case 'integer':
      return h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', 'data-kind': 'integer' });
    default:
      return h('input', { type: 'text', autocomplete: def.autocomplete ?? 'off', spellcheck: 'false' });
  }
}

/** Links a control to its hint and message, by id (called again when an MRN row is renumbered). */
function wire(wrap, control, label, formKey, path) {
  const id = idFor(formKey, path);
  control.id = id;
  control.name = path;
  label.htmlFor = id;
  const hint = wrap.querySelector('.field__hint');
  const msg = wrap.querySelector('.field__msg');
  const describedBy = [];
  if (hint) {
    hint.id = `${id}-hint`;
    describedBy.push(hint.id);
  }
  msg.id = `${id}-msg`;
  describedBy.push(msg.id);
  control.setAttribute('aria-describedby', describedBy.join(' '));
  control.dataset.msg = msg.id;
  const chip = wrap.querySelector('.field__path');
  if (chip) chip.textContent = path;
  wrap.dataset.field = path;
}

export function renderField(formKey, def) {
  const kind = def.kind ?? 'text';
  const wrap = h('div', {
    class: `field field--${kind}${def.wide ? ' field--wide' : ''}`,
    'data-since': def.since,
    'data-until': def.until,
  });
  const control = makeControl(kind, def);
  control.classList.add('field__control');
  const label = h('label', { class: 'field__label' }, def.label);
  if (def.required) {
    label.append(' ', h('span', { class: 'field__req' }, 'required'));
    control.setAttribute('aria-required', 'true');
  }
  if (def.requiredWhen) {
    label.append(' ', h('span', { class: 'field__req', 'data-required-when': def.requiredWhen, hidden: true }, 'required'));
  }
  const path = h('code', { class: 'field__path', title: 'The control’s name: its path in the request body' });
  const hint = def.hint ? h('p', { class: 'field__hint' }, def.hint) : null;
  const msg = h('div', { class: 'field__msg' });
  if (kind === 'checkbox') {
    wrap.append(h('div', { class: 'field__check' }, control, h('div', { class: 'field__body' }, h('div', { class: 'field__head' }, label, path), hint)), msg);
  } else {
    wrap.append(h('div', { class: 'field__head' }, label, path), hint ?? '', control, msg);
  }
  wire(wrap, control, label, formKey, def.name);
  return wrap;
}

/** The MRN rows: a fieldset whose rows are `pmis[i].siteName` and `pmis[i].mrn`. */
function renderList(formKey, group) {
  const id = idFor(formKey, group.list);
  const rows = h('div', { class: 'rows' });
  const msg = h('div', { class: 'field__msg', id: `${id}-msg` });
  const hint = h('p', { class: 'field__hint', id: `${id}-hint` }, group.hint);
  const add = h('button', { type: 'button', class: 'btn btn--secondary btn--small', 'data-action': 'add-row' }, h('span', { 'aria-hidden': 'true', class: 'btn__icon' }, '+'), ' Add an MRN');
  const fieldset = h(
    'fieldset',
    { class: 'group group--list', id, 'data-list-path': group.list, 'data-form': formKey, 'aria-describedby': `${hint.id} ${msg.id}`, 'data-msg': msg.id },
    h('legend', { class: 'group__legend' }, group.legend, ' ', h('code', { class: 'field__path' }, group.list)),
    hint,
    rows,
    msg,
    add,
  );
  return fieldset;
}

function renderRow(list) {
  const formKey = list.dataset.form;
  const row = h('div', { class: 'row', role: 'group' });
  const number = h('span', { class: 'row__n', 'aria-hidden': 'true' });
  const name = h('span', { class: 'visually-hidden' });
  const site = renderField(formKey, { name: 'x', label: 'Site' });
  const mrn = renderField(formKey, { name: 'x', label: 'MRN' });
  site.querySelector('input').dataset.sub = 'siteName';
  mrn.querySelector('input').dataset.sub = 'mrn';
  const remove = h('button', { type: 'button', class: 'btn btn--ghost btn--small', 'data-action': 'remove-row' }, 'Remove');
  row.append(number, name, site, mrn, remove);
  return row;
}

/** Gives each MRN row its index: names, ids, labels and the remove button's name. */
export function renumber(list) {
  const formKey = list.dataset.form;
  const base = list.dataset.listPath;
  list.querySelectorAll(':scope > .rows > .row').forEach((row, index) => {
    const rowId = `${idFor(formKey, base)}-${index}`;
    const name = row.querySelector('.visually-hidden');
    name.id = `${rowId}-label`;
    name.textContent = `MRN entry ${index + 1}`;
    row.setAttribute('aria-labelledby', name.id);
    row.querySelector('.row__n').textContent = String(index + 1);
    for (const wrap of row.querySelectorAll('.field')) {
      const control = wrap.querySelector('input');
      wire(wrap, control, wrap.querySelector('label'), formKey, `${base}[${index}].${control.dataset.sub}`);
    }
    row.querySelector('[data-action="remove-row"]').setAttribute('aria-label', `Remove MRN entry ${index + 1}`);
  });
}

export function addRow(list) {
  const row = renderRow(list);
  list.querySelector(':scope > .rows').append(row);
  renumber(list);
  return row;
}

/** Fills a form element with the groups of one form description. */
export function renderForm(form, formKey, description) {
  const body = h('div', { class: 'form__groups' });
  for (const group of description.groups) {
    if (group.heading) {
      body.append(h('h3', { class: 'form__section' }, group.heading, ' ', h('code', { class: 'field__path' }, group.headingPath)));
    }
    if (group.list) {
      body.append(renderList(formKey, group));
      continue;
    }
    const fieldset = h('fieldset', { class: 'group' }, h('legend', { class: 'group__legend' }, group.legend));
    const grid = h('div', { class: 'group__grid' });
    for (const def of group.fields) grid.append(renderField(formKey, def));
    fieldset.append(grid);
    body.append(fieldset);
  }
  form.querySelector('.form__msg').after(body);
}

// ---------------------------------------------------------------------------------------------------
// Reading and filling

/** The controls whose values make up the body, in document order (disabled ones are not sent). */
export function controlsOf(form) {
  return Array.from(form.querySelectorAll('input[name], select[name], textarea[name]')).filter((control) => !control.disabled);
}

export function readControl(control) {
  if (control.type === 'checkbox') return control.checked;
  if (control.multiple) return Array.from(control.selectedOptions, (option) => option.value);
  if (control.dataset.kind === 'integer') {
    const text = control.value.trim();
    return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : control.value;
  }
  return control.value;
}

/** The request body: blank inputs as '', checkboxes as booleans, multi-selects as arrays. */
export function readPayload(form) {
  const body = {};
  for (const node of form.querySelectorAll('input[name], select[name], textarea[name], [data-list-path]')) {
    if (node.dataset.listPath !== undefined) {
      setPath(body, node.dataset.listPath, []);
    } else if (!node.disabled) {
      setPath(body, node.name, readControl(node));
    }
  }
  return body;
}

function ensureOption(select, value) {
  if (Array.from(select.options).some((option) => option.value === value)) return;
  select.append(h('option', { value, 'data-stale': 'true' }, `${value} (not in the list)`));
}

function writeControl(control, value) {
  if (control.type === 'checkbox') {
    control.checked = value === true || value === 'true';
  } else if (control.multiple) {
    const values = Array.isArray(value) ? value.map(String) : [];
    for (const item of values) ensureOption(control, item);
    for (const option of control.options) option.selected = values.includes(option.value);
  } else if (control.tagName === 'SELECT') {
    if (value === undefined || value === null) {
      control.selectedIndex = 0;
    } else {
      ensureOption(control, String(value));
      control.value = String(value);
    }
  } else {
    control.value = value === undefined || value === null ? '' : String(value);
  }
}

/** Puts a record into the form: as many MRN rows as it has (one empty row when it has none). */
export function fillForm(form, record) {
  for (const list of form.querySelectorAll('[data-list-path]')) {
    const items = getPath(record, list.dataset.listPath);
    const wanted = Array.isArray(items) ? items.length : 1;
    const rows = list.querySelector(':scope > .rows');
    while (rows.children.length > wanted) rows.lastElementChild.remove();
    while (rows.children.length < wanted) rows.append(renderRow(list));
    renumber(list);
  }
  for (const control of form.querySelectorAll('input[name], select[name], textarea[name]')) {
    writeControl(control, getPath(record, control.name));
  }
}

// ---------------------------------------------------------------------------------------------------
// Settings that change the controls

function valueOf(item) {
  return typeof item === 'string' ? item : String(item?.value ?? '');
}

/** Rebuilds the options of the permissible-value selects, keeping what is selected. */
export function setPermissibleOptions(form, lists) {
  for (const select of form.querySelectorAll('select[data-pv]')) {
    const selected = Array.from(select.selectedOptions, (option) => option.value);
    const values = (lists[select.dataset.pv] ?? []).map(valueOf);
    select.replaceChildren();
    if (!select.multiple) select.append(h('option', { value: '' }, '— not given —'));
    for (const value of values) select.append(h('option', { value }, value));
    for (const value of selected) if (value !== '') ensureOption(select, value);
    for (const option of select.options) option.selected = selected.includes(option.value);
    if (!select.multiple && selected.length === 0) select.selectedIndex = 0;
    if (select.multiple) select.size = Math.min(Math.max(select.options.length, 3), 7);
  }
}

/** Shows the controls of this server version (ethnicity before 4.0, ethnicities from 4.0). */
export function applyVersion(form, version) {
  for (const wrap of form.querySelectorAll('[data-since], [data-until]')) {
    const on =
      (wrap.dataset.since === undefined || compareVersions(version, wrap.dataset.since) >= 0) &&
      (wrap.dataset.until === undefined || compareVersions(version, wrap.dataset.until) < 0);
    const control = wrap.querySelector('.field__control');
    if (wrap.hidden === !on) continue;
    wrap.hidden = !on;
    control.disabled = !on;
    if (on) {
      // Carry the choice over from the other ethnicity control.
      const other = Array.from(form.querySelectorAll('[data-since], [data-until]'))
        .map((node) => node.querySelector('.field__control'))
        .find((node) => node !== control && node.dataset.pv === control.dataset.pv && node.name.replace(/ies$/, 'y') === control.name.replace(/ies$/, 'y'));
      if (other) {
        const picked = Array.from(other.selectedOptions, (option) => option.value).filter(Boolean);
        writeControl(control, control.multiple ? picked : picked[0] ?? '');
      }
    }
  }
}

/** Shows "required" on the fields a setting makes required (the national ID with uidMandatory). */
export function applyRequired(form, settings) {
  for (const badge of form.querySelectorAll('[data-required-when]')) {
    const on = Boolean(settings[badge.dataset.requiredWhen]);
    badge.hidden = !on;
    const control = document.getElementById(badge.closest('label').htmlFor);
    if (on) control.setAttribute('aria-required', 'true');
    else control.removeAttribute('aria-required');
  }
}
