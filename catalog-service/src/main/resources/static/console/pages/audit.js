// The audit log, for data and system admins: who did what to which object, how it ended, filtered and paged.
import { get } from '../api.js';
import { dataTable, empty, field, formError, h, pager, select, showProblem, when } from '../dom.js';

const FILTERS = [['actorName', 'Actor'], ['onBehalfOf', 'On behalf of'], ['action', 'Action'], ['objectType', 'Object type'], ['objectName', 'Object']];

export async function render({ query, go, link }) {
  const controls = Object.fromEntries(FILTERS.map(([name]) => [name, h('input', { name, value: query.get(name) || '' })]));
  controls.outcome = select([['', 'any'], ['success', 'success'], ['refused', 'refused'], ['failed', 'failed']], query.get('outcome') || '', { name: 'outcome' });
  const form = h('form', { class: 'filters', role: 'search' }, formError(),
    FILTERS.map(([name, label]) => field(label, controls[name], name)), field('Outcome', controls.outcome, 'outcome'),
    h('button', { type: 'submit' }, 'Filter'));
  const search = (page) => go(link('audit', [], { ...Object.fromEntries(Object.entries(controls).map(([k, c]) => [k, c.value.trim()])), page: page || '' }));
  form.addEventListener('submit', (event) => { event.preventDefault(); search(0); });
  const params = Object.fromEntries([...FILTERS.map(([n]) => n), 'outcome'].map((n) => [n, query.get(n)]));
  let results;
  try {
    const entries = await get('/api/v1/audit', { ...params, page: query.get('page') || 0, size: 50 });
    results = entries.items.length === 0 ? empty('No audit entries match these filters.') : [
      dataTable(['When', 'Actor', 'Action', 'Object', 'Outcome', 'Detail'],
        entries.items.map((e) => [when(e.at), e.onBehalfOf ? `${e.actor} for ${e.onBehalfOf}` : e.actor, e.action,
          `${e.objectType} ${e.objectName || ''}`, e.outcome, e.detail || '']), 'Audit entries, newest first'),
      pager(entries, search, 'Entries')];
  } catch (e) {
    showProblem(form, e);
    results = null;
  }
  return h('section', {}, h('h1', {}, 'Audit log'), form, h('div', { id: 'audit-results' }, results));
}
