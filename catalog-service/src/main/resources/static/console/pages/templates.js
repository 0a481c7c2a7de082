// Templates: a project's SQL templates and the platform's presets, their versions, and rendering one with typed
// inputs to see the statement a run would execute (secrets masked by the API).
import { get, post, seg } from '../api.js';
import { act, dataTable, empty, field, formError, h, select } from '../dom.js';
import { projectPicker } from './project.js';

const INPUT_TYPES = { integer: 'number', decimal: 'number', date: 'date' };

function input(parameter) {
  const attrs = { name: parameter.name, placeholder: parameter.defaultValue ?? (parameter.list ? 'a, b, c' : '') };
  if (parameter.kind === 'boolean' && !parameter.list) {
    return select([['', parameter.defaultValue ? `default (${parameter.defaultValue})` : 'choose'], ['true', 'true'], ['false', 'false']], '', attrs);
  }
  if (parameter.kind === 'enum' && !parameter.list) {
    return select([['', parameter.defaultValue ? `default (${parameter.defaultValue})` : 'choose'], ...parameter.enumValues.map((v) => [v, v])], '', attrs);
  }
  return h('input', { ...attrs, type: parameter.list ? 'text' : INPUT_TYPES[parameter.kind] || 'text', step: parameter.kind === 'decimal' ? 'any' : null });
}

const hint = (p) => [p.list ? `a list of ${p.kind} values, separated by commas` : p.kind,
  p.kind === 'table' ? 'environment.data_source.table' : null, p.kind === 'column' ? `a column of ${p.table}` : null,
  p.kind === 'interval' ? 'e.g. 5 min or PT5M' : null, p.kind === 'timestamp' ? 'e.g. 2026-12-02 10:15:30' : null,
  p.description].filter(Boolean).join(' — ');

function renderForm(project, template) {
  const controls = template.parameters.map((p) => [p, input(p)]);
  const environment = select([['test', 'test'], ['prod', 'prod']], 'test', { name: 'environment' });
  const output = h('div', { 'aria-live': 'polite', id: 'rendered' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Render');
  const form = h('form', { class: 'card', id: 'render' }, h('h2', {}, `Render ${template.name} version ${template.version}`), formError(),
    field('Environment', environment, 'environment'),
    controls.map(([p, control]) => field(`${p.name}${p.defaultValue == null ? ' (required)' : ''}`, control, `values.${p.name}`, hint(p))),
    submit, output);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(form, submit, async () => {
      const values = {};
      for (const [p, control] of controls) {
        const text = control.value.trim();
        if (text) values[p.name] = p.list ? text.split(',').map((v) => v.trim()).filter(Boolean) : text;
      }
      try {
        const rendered = await post(`/api/v1/projects/${seg(project)}/templates/${seg(template.name)}/render`,
          { version: template.version, environment: environment.value, values });
        output.replaceChildren(h('h3', {}, `The statement in ${rendered.environment}`), h('pre', {}, rendered.sql));
      } catch (e) {
        if (e.parameter) e.field = `values.${e.parameter}`;
        output.replaceChildren();
        throw e;
      }
    });
  });
  return form;
}

async function templatePage(ctx, project, name) {
  const version = ctx.query.get('version');
  const [template, versions] = await Promise.all([
    get(`/api/v1/projects/${seg(project)}/templates/${seg(name)}`, { version }),
    get(`/api/v1/projects/${seg(project)}/templates/${seg(name)}/versions`),
  ]);
  return h('section', {},
    h('p', {}, h('a', { href: ctx.link('templates', [], { project }) }, '← Templates')),
    h('h1', {}, `${template.name} (version ${template.version})`),
    h('p', {}, template.description || ''),
    h('nav', { class: 'tabs', 'aria-label': 'Versions' }, versions.map((v) =>
      h('a', { href: ctx.link('templates', [name], { project, version: v.version }), 'aria-current': v.version === template.version ? 'page' : null }, `v${v.version}`))),
    h('pre', {}, template.sql),
    renderForm(project, template));
}

export async function render(ctx) {
  const picker = projectPicker(ctx, 'templates');
  if (!picker.project) return h('section', {}, h('h1', {}, 'Templates'), empty('You belong to no project, so there are no templates to show.'));
  if (ctx.args[0]) return templatePage(ctx, picker.project, ctx.args[0]);
  const templates = await get(`/api/v1/projects/${seg(picker.project)}/templates`);
  return h('section', {}, h('h1', {}, 'Templates'), picker.element,
    templates.length === 0 ? empty('No templates yet.') : dataTable(['Template', 'Version', 'Of', 'Parameters', 'Description'],
      templates.map((t) => [h('a', { href: ctx.link('templates', [t.name], { project: picker.project }) }, t.name), String(t.version),
        t.project || 'platform preset', t.parameters.map((p) => p.name).join(', '), t.description || '']), `Templates of ${picker.project}`));
}
