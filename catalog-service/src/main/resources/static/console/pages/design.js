// Design: create a topic or table, edit its schema as a new version, ask to publish it to test or prod. Every
// refusal of the API is shown next to the field it names.
import { get, post, put, seg } from '../api.js';
import { act, choices, dataTable, empty, field, formError, h, select, selected, when } from '../dom.js';
import { designProjects } from '../roles.js';
import { schemaEditor } from './schema.js';

async function designs(principal, link) {
  const projects = designProjects(principal);
  if (projects.length === 0) return empty('You design for no project: a project admin can make you a developer of theirs.');
  const lists = await Promise.all(projects.map((p) => get('/api/v1/tables', { environment: 'design', project: p, size: 100 })));
  const tables = lists.flatMap((l) => l.items);
  return tables.length === 0
    ? empty('Your projects have no designs yet. Create the first one below.')
    : dataTable(['Design', 'Project', 'Type', 'Newest version', 'Published to'],
      tables.map((t) => [h('a', { href: link('design', [t.name]) }, t.name), t.ownerProject, t.type, String(t.version),
        (t.publications || []).map((p) => `${p.environment} (v${p.version})`).join(', ') || 'nowhere yet']), 'Designs of your projects');
}

function newTableForm(principal, go, link) {
  const name = h('input', { name: 'name', required: true, maxlength: 35, pattern: '[A-Za-z][A-Za-z0-9_]*' });
  const displayName = h('input', { name: 'displayName' });
  const project = select(designProjects(principal).map((p) => [p, p]), principal.project, { name: 'ownerProject' });
  const type = choices('Type', 'radio', 'type', [['topic', 'Kafka topic'], ['table', 'database table']], ['topic'], 'type');
  const isTopic = () => selected(type, 'type')[0] === 'topic';
  const format = select([['json', 'json'], ['csv', 'csv']], 'json', { name: 'format' });
  const partitions = h('input', { type: 'number', min: 1, max: 1024, value: '1', name: 'partitions' });
  const kind = select([['append', 'append (every record is new)'], ['upsert', 'upsert (records replace those with the same key)']], 'append', { name: 'topicKind' });
  const retention = h('input', { type: 'number', min: 1, name: 'retentionHours', placeholder: 'cluster default' });
  const description = h('textarea', { name: 'description', rows: 2 });
  const schema = schemaEditor({ columns: [] }, isTopic);
  const topicSettings = h('div', { class: 'row' },
    field('Format', format, 'format'), field('Partitions', partitions, 'partitions'),
    field('Kind', kind, 'topicKind'), field('Retention (hours)', retention, 'retentionHours'));
  type.addEventListener('change', () => { topicSettings.hidden = !isTopic(); schema.typeChanged(); });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Create design');
  const form = h('form', { class: 'card', id: 'new-design' },
    h('h2', {}, 'New topic or table'), formError(),
    h('div', { class: 'row' }, field('Name', name, 'name', 'Letters, digits and _, starting with a letter; 2–35 characters; unique on the platform.'),
      field('Display name', displayName, 'displayName'), field('Owner project', project, 'ownerProject')),
    type, topicSettings, field('Description', description, 'description', 'Searchers find the table by these words.'),
    schema.element, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form, submit, async () => {
      const topic = isTopic();
      const body = {
        name: name.value.trim(), displayName: displayName.value.trim() || undefined, ownerProject: project.value,
        type: topic ? 'topic' : 'table', description: description.value.trim() || undefined, ...schema.value(),
        ...(topic ? { format: format.value, partitions: Number(partitions.value), topicKind: kind.value,
          retentionHours: retention.value ? Number(retention.value) : undefined } : {}),
      };
      const made = await post('/api/v1/tables', body);
      go(link('design', [made.name]), `Designed ${made.name}: version ${made.version}. Ask to publish it to test below.`);
    });
  });
  return form;
}

function editForm(table, go, link) {
  const schema = schemaEditor(table, () => table.type === 'topic');
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Save as a new version');
  const form = h('form', { class: 'card', id: 'edit-schema' },
    h('h2', {}, `Schema (version ${table.version})`), formError(), schema.element, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form, submit, async () => {
      const saved = await put(`/api/v1/tables/${seg(table.name)}/schema`, schema.value());
      go(link('design', [table.name]), saved.version === table.version
        ? `Nothing changed: the schema is version ${saved.version} already.`
        : `Saved as version ${saved.version}. Publish it to test to let sessions use it.`);
    });
  });
  return form;
}

function publishForm(table, sources, go, link) {
  const environment = select([['test', 'test'], ['prod', 'prod (carries the version test has)']], 'test', { name: 'environment' });
  const wanted = table.type === 'topic' ? ['kafka'] : ['mysql', 'postgresql', 'jdbc', 'redis', 'elasticsearch', 'hbase', 'hive'];
  const fitting = sources.items.filter((s) => wanted.includes(s.kind));
  const dataSource = select(fitting.map((s) => [s.name, `${s.name} (${s.kind}, ${s.environmentScope})`]), fitting[0] && fitting[0].name, { name: 'dataSource' });
  const comment = h('textarea', { name: 'comment', rows: 2 });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Ask to publish');
  const form = h('form', { class: 'card', id: 'publish' },
    h('h2', {}, 'Publish'), formError(),
    h('p', { class: 'muted' }, 'A data admin approves each publish. Test gets the newest design version; prod gets the version test has.'),
    h('div', { class: 'row' }, field('Environment', environment, 'environment'),
      fitting.length ? field('Data source', dataSource, 'dataSource')
        : empty(`No ${wanted.join(' or ')} data source is registered yet; a data admin registers one under Data sources.`)),
    field('Comment for the approver', comment, 'comment'), submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form, submit, async () => {
      const asked = await post(`/api/v1/tables/${seg(table.name)}/publish-requests`, {
        environment: environment.value, dataSource: dataSource.value || undefined, comment: comment.value.trim() || undefined,
      });
      go(link('design', [table.name]), `Asked to publish version ${asked.version} to ${asked.environment}: request ${asked.id} waits for a data admin.`);
    });
  });
  return form;
}

async function editPage(name, go, link) {
  const [table, sources, requests] = await Promise.all([
    get(`/api/v1/tables/${seg(name)}`, { environment: 'design' }),
    get('/api/v1/datasources', { size: 500 }),
    get('/api/v1/publish-requests', { table: name, size: 100 }),
  ]);
  return h('section', {},
    h('p', {}, h('a', { href: link('design') }, '← Design')),
    h('h1', {}, `Design of ${table.name}`),
    h('p', {}, h('a', { href: link('table', [name], { environment: 'design' }) }, 'See it as the directory shows it')),
    editForm(table, go, link),
    publishForm(table, sources, go, link),
    h('h2', {}, 'Publish requests'),
    requests.items.length === 0 ? empty('None yet.') : dataTable(['#', 'To', 'Version', 'Data source', 'Asked by', 'Status', 'Decision'],
      requests.items.map((r) => [String(r.id), r.environment, String(r.version), r.dataSource, `${r.requestedBy}, ${when(r.requestedAt)}`,
        r.status, r.decidedBy ? `${r.decidedBy}${r.decisionComment ? ': ' + r.decisionComment : ''}` : '']), 'Publish requests'));
}

export async function render({ args, principal, go, link }) {
  if (args[0]) return editPage(args[0], go, link);
  return h('section', {},
    h('h1', {}, 'Design'),
    h('h2', {}, 'Your designs'),
    await designs(principal, link),
    designProjects(principal).length ? newTableForm(principal, go, link) : null);
}
