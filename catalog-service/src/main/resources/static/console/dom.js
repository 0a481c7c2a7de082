// Builds every page from data with textContent and attributes, never from markup: a value from the API (a table's
// description, a reason, an error) is always text, whatever characters it holds.

let nextId = 0;
export const uid = (prefix) => `${prefix}-${++nextId}`;

/** An element: attrs are attributes, except on* (listeners) and the properties value, checked and disabled. */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (key === 'value' || key === 'checked' || key === 'disabled') element[key] = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** A labelled control with a place for the API's refusal of it; field is the JSON path the API names. */
export function field(label, control, fieldName, hint) {
  if (!control.id) control.id = uid('f');
  if (fieldName) control.dataset.field = fieldName;
  const error = h('p', { class: 'error', id: control.id + '-error', role: 'alert', hidden: true });
  control.setAttribute('aria-describedby', error.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint ? h('p', { class: 'hint' }, hint) : null, error);
}

/** A group of checkboxes or radios in a fieldset; the fieldset carries the field name for errors. */
export function choices(legend, type, name, options, checked, fieldName) {
  const set = h('fieldset', { class: 'choices' }, h('legend', {}, legend));
  if (fieldName) set.dataset.field = fieldName;
  for (const [value, label] of options) {
    const id = uid(name);
    set.append(h('span', { class: 'choice' },
      h('input', { type, name, id, value, checked: checked.includes(value) }), h('label', { for: id }, label)));
  }
  set.append(h('p', { class: 'error', role: 'alert', hidden: true }));
  return set;
}

export const selected = (container, name) => [...container.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);

export function select(options, value, attrs = {}) {
  return h('select', attrs, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

export const button = (label, onclick, attrs = {}) => h('button', { type: 'button', onclick, ...attrs }, label);

/** Removes the errors a form shows. */
export function clearProblems(form) {
  form.querySelectorAll('.error').forEach((e) => { e.textContent = ''; e.hidden = true; });
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

/** Where the API's field lands: the control it names, else the nearest enclosing one (columns[2].type → columns). */
function controlFor(form, fieldName) {
  let name = fieldName;
  while (name) {
    const match = [...form.querySelectorAll('[data-field]')].find((e) => e.dataset.field === name);
    if (match) return match;
    const cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('['));
    name = cut > 0 ? name.slice(0, cut) : '';
  }
  return null;
}

/** Shows a refusal next to the field it names, or at the top of the form. */
export function showProblem(form, error) {
  clearProblems(form);
  const control = error.field ? controlFor(form, error.field) : null;
  let slot = null;
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    slot = control.querySelector(':scope > .error') || control.parentElement.querySelector(':scope > .error');
  }
  slot = slot || form.querySelector(':scope > .form-error') || form.querySelector('.form-error');
  slot.textContent = error.message;
  slot.hidden = false;
  if (control && control.focus) control.focus();
}

export const formError = () => h('p', { class: 'error form-error', role: 'alert', hidden: true });

/** A message shown after something worked. */
export const notice = (text) => h('p', { class: 'notice', role: 'status' }, text);

export const empty = (text) => h('p', { class: 'empty' }, text);

/** A data table; rows are arrays of cells (text or nodes). Scrolls sideways on a narrow window. */
export function dataTable(headers, rows, caption) {
  return h('div', { class: 'scroll' },
    h('table', {},
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell) => h('td', {}, cell)))))));
}

/** "Items 1–20 of 57" with previous/next for a paged answer {items, page, size, total}. */
export function pager(result, go, noun) {
  const first = result.total === 0 ? 0 : result.page * result.size + 1;
  const last = Math.min(result.total, (result.page + 1) * result.size);
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  return h('nav', { class: 'pager', 'aria-label': `${noun} pages` },
    h('span', {}, `${noun} ${first}–${last} of ${result.total} (page ${result.page + 1} of ${pages})`),
    button('Previous', () => go(result.page - 1), { disabled: result.page === 0 }),
    button('Next', () => go(result.page + 1), { disabled: last >= result.total }));
}

export const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');

/** Runs an action from a button: disables it meanwhile and shows a refusal in the given form. */
export async function act(form, control, action) {
  clearProblems(form);
  control.disabled = true;
  try {
    await action();
  } catch (e) {
    showProblem(form, e);
  } finally {
    control.disabled = false;
  }
}
