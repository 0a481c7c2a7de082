// The Apply form of a table's page: privileges, for the project, oneself or both, and why.
import { post, seg } from '../api.js';
import { act, choices, field, formError, h, notice, select, selected } from '../dom.js';

export function applyForm({ principal, link }, table) {
  const kafka = table.type === 'topic';
  const privileges = choices('Privileges', 'checkbox', 'privileges',
    (kafka ? ['select', 'insert'] : ['select', 'insert', 'update', 'delete']).map((p) => [p, p]), ['select'], 'privileges');
  const applyFor = choices('For', 'radio', 'applyFor',
    [['project', 'my project'], ['user', 'me only'], ['both', 'both']], ['project'], 'applyFor');
  const projects = principal.projects || [];
  const project = select(projects.map((p) => [p.project, p.project]), principal.project, { name: 'project' });
  const reason = h('textarea', { name: 'reason', rows: 3, required: true, maxlength: 2000 });
  const submit = h('button', { type: 'submit' }, 'Apply');
  const outcome = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card', id: 'apply' },
    h('h2', {}, `Apply for access in ${table.environment}`),
    formError(), privileges, applyFor,
    projects.length ? field('Project', project, 'project') : h('p', { class: 'muted' }, 'You belong to no project: you can apply for yourself only.'),
    field('Reason', reason, 'reason', 'What you need it for; the data admin who decides reads this.'),
    submit, outcome);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form, submit, async () => {
      const made = await post(`/api/v1/tables/${seg(table.name)}/applications`, {
        environment: table.environment, privileges: selected(form, 'privileges'), applyFor: selected(form, 'applyFor')[0],
        project: projects.length ? project.value : undefined, reason: reason.value.trim(),
      });
      outcome.replaceChildren(notice(`Applied: ${made.map((a) => `application ${a.id} for ${a.granteeType} ${a.grantee}`).join(' and ')}. A data admin decides; follow it under My work.`),
        h('a', { href: link('work') }, 'Go to My work'));
      reason.value = '';
    });
  });
  return form;
}
