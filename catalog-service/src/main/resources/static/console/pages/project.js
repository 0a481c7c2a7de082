// The project a page works on (functions, templates): the user's own projects, the one in the route first.
import { h, select } from '../dom.js';

export function projectPicker({ principal, query, go, link }, page) {
  const projects = (principal.projects || []).map((p) => p.project);
  const chosen = query.get('project') || principal.project || projects[0] || '';
  const control = select(projects.map((p) => [p, p]), chosen, { name: 'project', id: `${page}-project` });
  control.addEventListener('change', () => go(link(page, [], { project: control.value })));
  const element = projects.length
    ? h('div', { class: 'field' }, h('label', { for: control.id }, 'Project'), control)
    : null;
  return { element, project: projects.includes(chosen) ? chosen : (query.get('project') || '') };
}
