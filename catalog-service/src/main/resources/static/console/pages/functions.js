// Functions: a project's UDFs, their immutable versions, the version each environment runs, and switching it.
// Test switches at once; prod waits for a data admin (the request shows in their queue under My work).
import { get, put, seg } from '../api.js';
import { act, dataTable, empty, field, formError, h, select, when } from '../dom.js';
import { projectPicker } from './project.js';

function activateForm(project, fn, refresh) {
  const environment = select([['test', 'test (at once)'], ['prod', 'prod (a data admin approves)']], 'test', { name: 'environment' });
  const version = select(fn.versions.map((v) => [String(v.version), `version ${v.version}`]), String(fn.versions[fn.versions.length - 1].version), { name: 'version' });
  const comment = h('input', { name: 'comment' });
  const submit = h('button', { type: 'submit' }, 'Activate');
  const form = h('form', { class: 'row activate' }, formError(), field('Environment', environment, 'environment'),
    field('Version', version, 'version'), field('Comment', comment, 'comment'), submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form, submit, async () => {
      await put(`/api/v1/projects/${seg(project)}/functions/${seg(fn.name)}/environments/${environment.value}`,
        { version: Number(version.value), comment: comment.value.trim() || undefined });
      refresh(environment.value === 'prod'
        ? `Asked a data admin to run ${fn.name} version ${version.value} in prod.`
        : `${fn.name} version ${version.value} now runs in test.`);
    });
  });
  return form;
}

export async function render(ctx) {
  const picker = projectPicker(ctx, 'functions');
  const heading = [h('h1', {}, 'Functions'), picker.element];
  if (!picker.project) return h('section', {}, heading, empty('You belong to no project, so there are no functions to show.'));
  const functions = await get(`/api/v1/projects/${seg(picker.project)}/functions`);
  const refresh = (message) => ctx.go(ctx.link('functions', [], { project: picker.project }), message);
  const list = Array.isArray(functions) ? functions : functions.items;
  return h('section', {}, heading,
    list.length === 0
      ? empty(`Project ${picker.project} has no functions yet. Upload a jar or an online source through the API (POST /api/v1/projects/${picker.project}/functions/artifacts or …/sources); they appear here.`)
      : list.map((fn) => h('article', { class: 'card' },
        h('h2', {}, fn.name),
        h('p', {}, `Runs: ${['test', 'prod'].map((e) => `${e} ${fn.active && fn.active[e] ? 'version ' + fn.active[e] : 'none'}`).join(', ')}.`
          + (fn.pending && fn.pending.length ? ` Waiting: ${fn.pending.map((p) => `version ${p.version} for ${p.environment}`).join(', ')}.` : '')),
        dataTable(['Version', 'Kind', 'Class', 'Origin', 'By', 'When'],
          fn.versions.map((v) => [String(v.version), v.kind, h('code', {}, v.className), v.origin, v.createdBy, when(v.createdAt)]), `Versions of ${fn.name}`),
        activateForm(picker.project, fn, refresh))));
}
