// Data sources: everyone sees what exists; data admins register them, change each environment's connection and
// test it. What a connection holds comes from the API as it shows the caller: secret names, never their values.
import { get, patch, post, put, seg } from '../api.js';
import { act, button, dataTable, empty, field, formError, h, notice, select } from '../dom.js';
import { isDataAdmin } from '../roles.js';
import { connectionEditor } from './connection.js';

const KINDS = ['kafka', 'postgresql', 'mysql', 'jdbc', 'redis', 'elasticsearch', 'hive', 'hbase'];
const scopeEnvironments = (scope) => (scope === 'both' ? ['test', 'prod'] : [scope]);

const outcomeText = (result) => (result.ok
  ? `Connected to ${result.environment} in ${result.elapsedMillis} ms.`
  : `Could not connect in ${result.environment}: ${result.reason}.`);

function list(sources, link) {
  return sources.items.length === 0
    ? empty('No data sources are registered yet. A data admin registers the Kafka clusters and databases tables live on.')
    : dataTable(['Data source', 'Kind', 'Managed', 'Environments', 'Description'],
      sources.items.map((s) => [h('a', { href: link('datasources', [s.name]) }, s.name), s.kind, s.managementMode,
        s.environmentScope, s.description || '']), 'Data sources');
}

function registerForm(go, link) {
  const name = h('input', { name: 'name', required: true });
  const kind = select(KINDS.map((k) => [k, k]), 'kafka', { name: 'kind' });
  const mode = select([['registered', 'registered (the platform only reads and writes it)'], ['managed', 'managed (publishing creates topics)']], 'registered', { name: 'managementMode' });
  const scope = select([['both', 'test and prod'], ['test', 'test only'], ['prod', 'prod only']], 'both', { name: 'environmentScope' });
  const description = h('textarea', { name: 'description', rows: 2 });
  const connections = h('div', { class: 'grid' });
  const outcome = h('div', { 'aria-live': 'polite', id: 'register-outcome' });
  let editors = {};
  const rebuild = () => {
    editors = Object.fromEntries(scopeEnvironments(scope.value).map((env) => [env, connectionEditor(env, kind.value, null)]));
    connections.replaceChildren(...Object.values(editors).map((e) => e.element));
  };
  kind.addEventListener('change', rebuild);
  scope.addEventListener('change', rebuild);
  rebuild();
  const body = () => ({
    name: name.value.trim(), kind: kind.value, managementMode: mode.value, environmentScope: scope.value,
    description: description.value.trim() || undefined,
    connections: Object.fromEntries(Object.entries(editors).map(([env, e]) => [env, e.value()])),
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Register');
  const form = h('form', { class: 'card', id: 'register' }, h('h2', {}, 'Register a data source'), formError(),
    h('div', { class: 'row' }, field('Name', name, 'name'), field('Kind', kind, 'kind'), field('Management', mode, 'managementMode'),
      field('Environments', scope, 'environmentScope')),
    field('Description', description, 'description'), connections,
    h('div', { class: 'actions' },
      button('Test the connection before saving', (event) => act(form, event.target, async () => {
        const env = scopeEnvironments(scope.value)[0];
        const result = await post('/api/v1/datasources/connectivity-test', { kind: kind.value, environment: env, connection: editors[env].value() });
        outcome.replaceChildren(h('p', { class: result.ok ? 'notice' : 'error', role: 'status' }, outcomeText(result)));
      }), { id: 'test-unsaved' }),
      submit),
    outcome);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form, submit, async () => {
      const made = await post('/api/v1/datasources', body());
      go(link('datasources', [made.name]), `Registered ${made.name}. Test each environment's connection below.`);
    });
  });
  return form;
}

function connectionCard(source, environment, admin) {
  const summary = source.connections ? source.connections[environment] : null;
  const outcome = h('div', { 'aria-live': 'polite', class: 'test-outcome' });
  const card = h('section', { class: 'card', 'data-environment': environment }, h('h2', {}, `${environment}`));
  if (!summary) {
    card.append(h('p', { class: 'muted' }, admin ? 'No connection for this environment.' : 'Connections are shown to data admins only.'));
    return card;
  }
  card.append(dataTable(['Setting', 'Value'], [
    ...Object.entries(summary.properties).map(([k, v]) => [k, v]),
    ...summary.secretKeys.map((k) => [k, 'secret (set, never shown)'])], `Connection in ${environment}`));
  if (!admin) return card;
  const editor = connectionEditor(environment, source.kind, summary);
  const save = h('button', { type: 'submit', class: 'primary' }, `Save the ${environment} connection`);
  const form = h('form', { class: 'edit-connection' }, formError(), editor.element, h('div', { class: 'actions' }, save));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form, save, async () => {
      await put(`/api/v1/datasources/${seg(source.name)}/connections/${environment}`, editor.value());
      outcome.replaceChildren(notice(`Saved the ${environment} connection. Secrets you left empty were kept.`));
    });
  });
  const test = button(`Test the ${environment} connection`, (event) => act(card, event.target, async () => {
    const result = await post(`/api/v1/datasources/${seg(source.name)}/connections/${environment}/test`);
    outcome.replaceChildren(h('p', { class: result.ok ? 'notice' : 'error', role: 'status' }, outcomeText(result)));
  }), { class: 'test-connection' });
  card.append(formError(), h('div', { class: 'actions' }, test), outcome, h('details', {}, h('summary', {}, 'Change this connection'), form));
  return card;
}

async function detail(name, principal, link) {
  const source = await get(`/api/v1/datasources/${seg(name)}`);
  const admin = isDataAdmin(principal);
  const description = h('textarea', { name: 'description', rows: 2, value: source.description || '' });
  const saveDescription = h('button', { type: 'submit' }, 'Save description');
  const describe = h('form', { class: 'card' }, formError(), field('Description', description, 'description'), saveDescription);
  describe.addEventListener('submit', (event) => {
    event.preventDefault();
    act(describe, saveDescription, async () => {
      await patch(`/api/v1/datasources/${seg(name)}`, { description: description.value.trim() });
      describe.append(notice('Description saved.'));
    });
  });
  return h('section', {},
    h('p', {}, h('a', { href: link('datasources') }, '← Data sources')),
    h('h1', {}, source.name),
    h('p', {}, `${source.kind}, ${source.managementMode}, serves ${source.environmentScope}. ${source.description || ''}`),
    h('p', {}, h('a', { href: link('directory', [], { dataSource: source.name }) }, 'Its tables in the data directory')),
    admin ? describe : null,
    h('div', { class: 'grid' }, scopeEnvironments(source.environmentScope).map((env) => connectionCard(source, env, admin))));
}

export async function render({ args, principal, go, link }) {
  if (args[0]) return detail(args[0], principal, link);
  const sources = await get('/api/v1/datasources', { size: 500 });
  return h('section', {}, h('h1', {}, 'Data sources'), list(sources, link),
    isDataAdmin(principal) ? registerForm(go, link) : h('p', { class: 'muted' }, 'Data admins register data sources and see their connections.'));
}
