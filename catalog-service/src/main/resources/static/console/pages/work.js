// My work: the caller's applications and publish requests, and for data admins the queue of what waits for them.
import { get, post } from '../api.js';
import { act, button, dataTable, empty, field, formError, h, notice, showProblem, when } from '../dom.js';
import { isDataAdmin } from '../roles.js';

const decision = (a) => (a.decidedBy ? `${a.status} by ${a.decidedBy}${a.decisionComment ? ': ' + a.decisionComment : ''}` : a.status);

function applications(list, ended, refresh, link) {
  if (list.items.length === 0) {
    return empty(ended ? 'No decided or withdrawn applications yet.' : 'You have no applications waiting. Find a table in the data directory and apply on its page.');
  }
  const form = h('div', {}, formError());
  form.append(dataTable(['#', 'Table', 'Environment', 'For', 'Privileges', 'Reason', 'Applied', ended ? 'Outcome' : ''],
    list.items.map((a) => [String(a.id), h('a', { href: link('table', [a.table], { environment: a.environment }) }, a.table),
      a.environment, `${a.granteeType} ${a.grantee}`, a.privileges.join(', ') + (a.columns ? ` (${a.columns.join(', ')})` : ''),
      a.reason || '', when(a.appliedAt),
      ended ? decision(a) : button('Withdraw', (e) => act(form, e.target, async () => {
        await post(`/api/v1/applications/${a.id}/withdraw`);
        refresh('Application ' + a.id + ' withdrawn.');
      }))]), ended ? 'Ended applications' : 'Applications in progress'));
  return form;
}

function publishRequests(list, refresh, link) {
  if (list.items.length === 0) return empty('You have asked to publish nothing yet. Design a table and ask to publish it to test.');
  const form = h('div', {}, formError());
  form.append(dataTable(['#', 'Table', 'To', 'Version', 'Data source', 'Asked', 'Status'],
    list.items.map((r) => [String(r.id), h('a', { href: link('design', [r.table]) }, r.table), r.environment, String(r.version),
      r.dataSource, when(r.requestedAt),
      r.status === 'pending' ? button('Withdraw', (e) => act(form, e.target, async () => {
        await post(`/api/v1/publish-requests/${r.id}/withdraw`);
        refresh('Publish request ' + r.id + ' withdrawn.');
      })) : decision(r)]), 'My publish requests'));
  return form;
}

/** One item of the queue: what is asked, a comment, approve and reject (reject needs the comment). */
function decisionCard(kind, id, title, details, path, refresh) {
  const comment = h('textarea', { name: 'comment', rows: 2, maxlength: 2000 });
  const form = h('form', { class: 'card queue-item', 'data-item': `${kind}-${id}` },
    h('h3', {}, title), h('ul', {}, details.filter(Boolean).map((d) => h('li', {}, d))), formError(),
    field('Comment', comment, 'comment', 'Required to reject: say what would make it acceptable.'));
  const decide = (verb) => (event) => act(form, event.target, async () => {
    if (verb === 'reject' && !comment.value.trim()) {
      showProblem(form, { message: 'Write a comment: a rejection needs a reason the requester can act on.', field: 'comment' });
      return;
    }
    await post(`${path}/${verb}`, { comment: comment.value.trim() || undefined });
    refresh(`${title}: ${verb === 'approve' ? 'approved' : 'rejected'}.`);
  });
  form.append(h('div', { class: 'actions' },
    button('Approve', decide('approve'), { class: 'primary' }), button('Reject', decide('reject'))));
  form.addEventListener('submit', (event) => event.preventDefault());
  return form;
}

async function queue(refresh) {
  const [requests, apps, activations] = await Promise.all([
    get('/api/v1/publish-requests', { status: 'pending', size: 100 }),
    get('/api/v1/applications', { state: 'in_progress', scope: 'all', size: 100 }),
    get('/api/v1/function-activations', { status: 'pending' }).catch(() => []),
  ]);
  const activationList = Array.isArray(activations) ? activations : activations.items || [];
  const items = [
    ...requests.items.map((r) => decisionCard('publish', r.id, `Publish ${r.table} to ${r.environment}`, [
      `version ${r.version} of project ${r.ownerProject}`, `onto data source ${r.dataSource}`,
      `asked by ${r.requestedBy}, ${when(r.requestedAt)}`, r.requestComment ? `“${r.requestComment}”` : null],
    `/api/v1/publish-requests/${r.id}`, refresh)),
    ...apps.items.map((a) => decisionCard('application', a.id, `Access to ${a.table} in ${a.environment}`, [
      `${a.privileges.join(', ')}${a.columns ? ' on columns ' + a.columns.join(', ') : ''}`,
      `for ${a.granteeType} ${a.grantee}`, `asked by ${a.applicant} of project ${a.project}, ${when(a.appliedAt)}`,
      a.reason ? `reason: “${a.reason}”` : null], `/api/v1/applications/${a.id}`, refresh)),
    ...activationList.map((f) => decisionCard('activation', f.id, `Run function ${f.function} version ${f.version} in prod`, [
      `project ${f.project}`, `asked by ${f.requestedBy}`, f.requestComment ? `“${f.requestComment}”` : null],
    `/api/v1/function-activations/${f.id}`, refresh)),
  ];
  return h('section', { id: 'queue' }, h('h2', {}, `Waiting for a data admin (${items.length})`),
    items.length ? h('div', { class: 'grid' }, items) : empty('Nothing waits for a decision. Requests and applications appear here as people make them.'));
}

export async function render({ principal, query, link, go }) {
  const ended = query.get('applications') === 'ended';
  const refresh = (message) => go(link('work', [], { applications: query.get('applications') }), message);
  const [mine, requests] = await Promise.all([
    get('/api/v1/applications', { state: ended ? 'ended' : 'in_progress', scope: 'mine', size: 100 }),
    get('/api/v1/publish-requests', { requestedBy: principal.user, size: 100 }),
  ]);
  return h('section', {},
    h('h1', {}, 'My work'),
    isDataAdmin(principal) ? await queue(refresh) : null,
    h('h2', {}, 'My applications'),
    h('nav', { class: 'tabs', 'aria-label': 'Applications' },
      h('a', { href: link('work'), 'aria-current': ended ? null : 'page' }, 'In progress'),
      h('a', { href: link('work', [], { applications: 'ended' }), 'aria-current': ended ? 'page' : null }, 'Ended')),
    h('div', { id: 'my-applications' }, applications(mine, ended, refresh, link)),
    h('h2', {}, 'My publish requests'),
    h('div', { id: 'my-requests' }, publishRequests(requests, refresh, link)));
}
