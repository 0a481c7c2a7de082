// The data directory: the tables an environment serves, narrowed to a data source and to text in their name,
// display name or description; paged by the API.
import { get } from '../api.js';
import { dataTable, empty, field, h, pager, select } from '../dom.js';

const PAGE_SIZE = 20;

export const ENVIRONMENTS = [['test', 'test'], ['prod', 'prod'], ['design', 'design (work in progress)']];

export async function render({ query, go, link }) {
  const environment = query.get('environment') || 'test';
  const dataSource = query.get('dataSource') || '';
  const text = query.get('q') || '';
  const page = Number(query.get('page') || 0);
  const [sources, tables] = await Promise.all([
    get('/api/v1/datasources', { size: 500 }),
    get('/api/v1/tables', { environment, dataSource, q: text, page, size: PAGE_SIZE }),
  ]);

  const envControl = select(ENVIRONMENTS, environment, { name: 'environment' });
  const sourceControl = select([['', 'any data source'], ...sources.items.map((s) => [s.name, `${s.name} (${s.kind})`])], dataSource, { name: 'dataSource' });
  const textControl = h('input', { type: 'search', name: 'q', value: text, placeholder: 'name or description', maxlength: 100 });
  const form = h('form', { class: 'filters', role: 'search' },
    field('Environment', envControl, 'environment'),
    field('Data source', sourceControl, 'dataSource'),
    field('Search', textControl, 'q'),
    h('button', { type: 'submit' }, 'Search'));
  const search = (toPage) => go(link('directory', [], {
    environment: envControl.value, dataSource: sourceControl.value, q: textControl.value.trim(), page: toPage || '',
  }));
  form.addEventListener('submit', (event) => { event.preventDefault(); search(0); });
  envControl.addEventListener('change', () => search(0));
  sourceControl.addEventListener('change', () => search(0));

  const where = `${environment}${dataSource ? ' on ' + dataSource : ''}`;
  const results = tables.items.length === 0
    ? empty(text
      ? `No table in ${where} has “${text}” in its name or description. Try fewer letters, another environment or any data source.`
      : `No tables are published to ${where} yet${environment === 'design' ? ' that you may see' : ''}. Designs appear here once published; start one under Design.`)
    : [dataTable(['Table', 'Description', 'Owner project', 'Type', 'Data source', 'Version'],
      tables.items.map((t) => [
        h('a', { href: link('table', [t.name], { environment }) }, t.displayName && t.displayName !== t.name ? `${t.name} (${t.displayName})` : t.name),
        t.description || '', t.ownerProject, t.type, t.dataSource || '—', String(t.version)]),
      `Tables in ${where}`),
    pager(tables, (p) => search(p), 'Tables')];

  return h('section', {},
    h('h1', {}, 'Data directory'),
    h('p', { class: 'muted' }, 'Every table an environment serves, with the data source that holds it. Open one to see its columns and who may use it, and to apply for access.'),
    form,
    h('div', { id: 'directory-results' }, results));
}
