// A table's page: its schema as one environment sees it, its versions per environment, who may use it (as the API
// shows the caller), and the form to apply for access.
import { get, seg } from '../api.js';
import { dataTable, empty, h, when } from '../dom.js';
import { applyForm } from './apply.js';

function facts(table) {
  const rows = [
    ['Owner project', table.ownerProject],
    ['Type', table.type === 'topic' ? `topic (${table.topicKind || 'append'}, ${table.format || 'json'})` : `table${table.format ? ' (' + table.format + ')' : ''}`],
    ['Data source', table.dataSource || 'none in design'],
    ['Version', table.environment === 'design' ? `${table.version} (newest design)` : `${table.version} (design is at ${table.designVersion})`],
    table.partitions ? ['Partitions', String(table.partitions)] : null,
    table.retentionHours ? ['Retention', `${table.retentionHours} hours`] : null,
    ['Event time', table.watermark ? `${table.watermark.column}, waiting ${table.watermark.delayMs} ms for late records` : 'none'],
    ['Description', table.description || '—'],
  ].filter(Boolean);
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function columns(table) {
  const key = new Set(table.primaryKey || []);
  const eventTime = table.watermark ? table.watermark.column : null;
  return dataTable(['Column', 'Type', 'Key', 'Event time', 'Comment'],
    table.columns.map((c) => [c.name, h('code', {}, c.type), key.has(c.name) ? 'key' : '', c.name === eventTime ? 'event time' : '', c.comment || '']),
    `Columns of version ${table.version}`);
}

function versions(table, all, link) {
  const rows = [['design', String(table.designVersion), '—', '—']].concat(
    (table.publications || []).map((p) => [h('a', { href: link('table', [table.name], { environment: p.environment }) }, p.environment),
      String(p.version), p.dataSource, when(p.publishedAt)]));
  return [dataTable(['Environment', 'Version', 'Data source', 'Published'], rows, 'Versions per environment'),
    h('p', { class: 'muted' }, `Schema versions: ${all.join(', ')}.`)];
}

function access(rules) {
  const isPublic = rules.isPublic ?? rules.public;
  const grants = rules.grants.length === 0
    ? empty('No grants you may see in this environment. The owner project holds every privilege.')
    : dataTable(['Grantee', 'Privilege', 'Columns', 'Granted by', 'When'],
      rules.grants.map((g) => [`${g.granteeType} ${g.grantee}`, g.privilege, g.columns ? g.columns.join(', ') : 'all',
        g.grantedBy || '', when(g.grantedAt)]), 'Grants');
  const blacklist = [...(rules.blacklistedProjects || []).map((p) => `project ${p}`), ...(rules.blacklistedUsers || []).map((u) => `user ${u}`)];
  return h('section', { id: 'access' },
    h('h2', {}, `Who may use it in ${rules.environment}`),
    h('p', {}, isPublic ? 'Public: every project may select from it.' : 'Not public: only the owner project and those granted below.'),
    grants,
    h('p', {}, blacklist.length ? `Blacklisted (denied whatever else says): ${blacklist.join(', ')}.` : 'Nobody is blacklisted.'));
}

export async function render(ctx) {
  const { args, query, link, principal } = ctx;
  const name = args[0];
  const environment = query.get('environment') || 'test';
  const table = await get(`/api/v1/tables/${seg(name)}`, { environment }).catch((e) => {
    if (e.status === 404) e.message = `There is no table ${name} in ${environment} that you may see. ${e.message}.`;
    throw e;
  });
  const served = environment !== 'design';
  const [all, rules] = await Promise.all([
    get(`/api/v1/tables/${seg(name)}/versions`),
    served ? get(`/api/v1/tables/${seg(name)}/access`, { environment }) : null,
  ]);
  const environments = ['design', ...(table.publications || []).map((p) => p.environment)];
  return h('article', {},
    h('p', {}, h('a', { href: link('directory', [], { environment }) }, '← Data directory')),
    h('h1', {}, table.displayName && table.displayName !== table.name ? `${table.name} — ${table.displayName}` : table.name),
    h('nav', { class: 'tabs', 'aria-label': 'Environment' }, environments.map((e) =>
      h('a', { href: link('table', [name], { environment: e }), 'aria-current': e === environment ? 'page' : null }, e))),
    facts(table),
    h('h2', {}, 'Columns'), columns(table),
    h('h2', {}, 'Versions'), versions(table, all, link),
    served ? access(rules) : h('p', { class: 'muted' }, 'Designs are not served: access is granted per environment once the table is published to test or prod.'),
    served ? applyForm(ctx, table) : null);
}
