// The schema editor of the Design page: columns with Flink types, the primary key and, for topics, the event time.
// Each control carries the JSON path the API names in a refusal (columns[2].type, primaryKey, watermark.column).
import { button, field, h, uid } from '../dom.js';

const FLINK_TYPES = ['STRING', 'VARCHAR(255)', 'CHAR(10)', 'BOOLEAN', 'TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT', 'DOUBLE',
  'DECIMAL(10, 2)', 'DATE', 'TIME', 'TIMESTAMP(3)', 'TIMESTAMP_LTZ(3)', 'BYTES', 'ARRAY<STRING>', 'MAP<STRING, STRING>',
  'ROW<a INT, b STRING>'];

/** Returns {element, value(), typeChanged()} for a schema (columns, primaryKey, watermark) starting from the given one. */
export function schemaEditor(schema, isTopic) {
  const typesId = uid('flink-types');
  const rows = h('tbody', {});
  const eventColumn = h('select', { name: 'watermark.column' });
  const delay = h('input', { type: 'number', min: 0, step: 1, name: 'watermark.delayMs', value: schema.watermark ? String(schema.watermark.delayMs ?? 0) : '0' });
  let chosenEventTime = schema.watermark ? schema.watermark.column : '';

  const renumber = () => {
    [...rows.children].forEach((row, i) => {
      row.querySelector('[name=column-name]').dataset.field = `columns[${i}].name`;
      row.querySelector('[name=column-type]').dataset.field = `columns[${i}].type`;
      row.querySelector('[name=column-comment]').dataset.field = `columns[${i}].comment`;
    });
    const names = [...rows.querySelectorAll('[name=column-name]')].map((i) => i.value.trim()).filter(Boolean);
    const current = eventColumn.value || chosenEventTime;
    eventColumn.replaceChildren(h('option', { value: '' }, 'none'), ...names.map((n) => h('option', { value: n, selected: n === current }, n)));
  };

  const addRow = (column = { name: '', type: '', comment: '' }, key = false) => {
    const cell = (control, label) => { control.setAttribute('aria-label', label); return h('td', {}, control, h('p', { class: 'error', role: 'alert', hidden: true })); };
    const name = h('input', { name: 'column-name', value: column.name, required: true, size: 14 });
    const type = h('input', { name: 'column-type', value: column.type, list: typesId, required: true, size: 18 });
    const row = h('tr', {},
      cell(name, 'Column name'), cell(type, 'Flink type'),
      cell(h('input', { name: 'column-comment', value: column.comment || '', size: 16 }), 'Comment'),
      h('td', {}, h('input', { type: 'checkbox', name: 'column-key', checked: key, 'aria-label': 'Part of the primary key' })),
      h('td', {}, button('Remove', () => { row.remove(); renumber(); }, { 'aria-label': 'Remove this column' })));
    name.addEventListener('change', renumber);
    rows.append(row);
    renumber();
    return row;
  };
  const key = new Set(schema.primaryKey || []);
  (schema.columns.length ? schema.columns : [{ name: '', type: '' }]).forEach((c) => addRow({ ...c, type: key.has(c.name) ? c.type.replace(/ NOT NULL$/, '') : c.type }, key.has(c.name)));
  eventColumn.addEventListener('change', () => { chosenEventTime = eventColumn.value; });

  const eventTime = h('div', { class: 'row', hidden: !isTopic() },
    field('Event time column', eventColumn, 'watermark.column', 'A TIMESTAMP(3) or TIMESTAMP_LTZ(3) column; windows and joins then use event time.'),
    field('Late records wait (ms)', delay, 'watermark.delayMs'));
  const keyArea = h('div', { 'data-field': 'primaryKey', class: 'scroll' },
    h('table', { class: 'columns' },
      h('thead', {}, h('tr', {}, ['Name', 'Flink type', 'Comment', 'Key', ''].map((x) => h('th', { scope: 'col' }, x)))), rows),
    h('p', { class: 'error', role: 'alert', hidden: true }));
  // the error slot of a cell is the input's sibling: showProblem finds it through the input's parent
  const element = h('fieldset', { class: 'schema', 'data-field': 'columns' },
    h('legend', {}, 'Columns'),
    h('datalist', { id: typesId }, FLINK_TYPES.map((t) => h('option', { value: t }))),
    keyArea,
    button('Add column', () => addRow().querySelector('input').focus()),
    h('p', { class: 'error', role: 'alert', hidden: true }),
    eventTime);

  const value = () => {
    const columns = [...rows.children].map((row) => ({
      name: row.querySelector('[name=column-name]').value.trim(),
      type: row.querySelector('[name=column-type]').value.trim(),
      comment: row.querySelector('[name=column-comment]').value.trim() || undefined,
    }));
    const primaryKey = [...rows.children].filter((row) => row.querySelector('[name=column-key]').checked)
      .map((row) => row.querySelector('[name=column-name]').value.trim());
    const watermark = isTopic() && eventColumn.value ? { column: eventColumn.value, delayMs: Number(delay.value || 0) } : undefined;
    return { columns, primaryKey, watermark };
  };
  // a table has no event time: the fields show only while the design is a topic
  const typeChanged = () => { eventTime.hidden = !isTopic(); };
  return { element, value, typeChanged };
}

