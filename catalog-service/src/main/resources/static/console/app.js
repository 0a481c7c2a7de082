// The console's shell: who is logged in, the navigation, and which page a #/route shows. Each page is a module of
// its own whose render(ctx) returns the page's content.
import { get, logout, onSessionExpired, session } from './api.js';
import { button, h, replace } from './dom.js';
import { isDataAdmin } from './roles.js';

const pages = {
  login: () => import('./pages/login.js'),
  directory: () => import('./pages/directory.js'),
  table: () => import('./pages/table.js'),
  work: () => import('./pages/work.js'),
  design: () => import('./pages/design.js'),
  datasources: () => import('./pages/datasources.js'),
  functions: () => import('./pages/functions.js'),
  templates: () => import('./pages/templates.js'),
  audit: () => import('./pages/audit.js'),
};

const titles = {
  login: 'Log in', directory: 'Data directory', table: 'Table', work: 'My work', design: 'Design',
  datasources: 'Data sources', functions: 'Functions', templates: 'Templates', audit: 'Audit log',
};

let principal = null;
let flash = null;

/** The route of the location's hash: #/table/orders?environment=test → {page, args, query}. */
function route() {
  const [path, search] = location.hash.replace(/^#\/?/, '').split('?');
  const [page, ...args] = path.split('/').map(decodeURIComponent);
  return { page: pages[page] ? page : 'directory', args, query: new URLSearchParams(search || '') };
}

export function go(hash, message) {
  flash = message || null;
  if (location.hash === hash) show();
  else location.hash = hash;
}

/** A hash route from a page name, path arguments and query parameters (empty ones left out). */
export function link(page, args = [], query = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, v);
  const path = [page, ...args.map(encodeURIComponent)].join('/');
  return `#/${path}${params.toString() ? '?' + params : ''}`;
}


function nav(current) {
  const items = [
    ['directory', 'Data directory'], ['work', 'My work'], ['design', 'Design'], ['datasources', 'Data sources'],
    ['functions', 'Functions'], ['templates', 'Templates'],
  ];
  if (isDataAdmin(principal)) items.push(['audit', 'Audit log']);
  return h('nav', { class: 'nav', 'aria-label': 'Console' },
    h('a', { class: 'brand', href: '#/directory' }, 'Sluice'),
    h('ul', {}, items.map(([page, label]) =>
      h('li', {}, h('a', { href: `#/${page}`, 'aria-current': page === current ? 'page' : null }, label)))),
    h('span', { class: 'who' }, `${principal.user}${principal.project ? ' · ' + principal.project : ''}`),
    button('Log out', async () => { await logout(); principal = null; go('#/login', 'You are logged out.'); }, { id: 'logout' }));
}

// Each navigation counts; a page whose data arrives after a later navigation began is dropped, so a slow answer
// never paints over the page the user went on to.
let navigation = 0;

async function show() {
  const current = ++navigation;
  const main = document.getElementById('main');
  const top = document.getElementById('top');
  let { page, args, query } = route();
  if (!session()) {
    principal = null;
    if (page !== 'login') query = new URLSearchParams({ next: location.hash });
    page = 'login';
  } else if (page === 'login') {
    page = 'directory';
  }
  try {
    if (session() && !principal) principal = await get('/api/v1/principal');
    if (current !== navigation) return;
    replace(top, principal ? nav(page) : h('span', { class: 'brand' }, 'Sluice'));
    const module = await pages[page]();
    const content = await module.render({ args, query, principal, go, link });
    if (current !== navigation) return;
    document.title = `${titles[page]} · Sluice console`;
    const message = flash;
    flash = null;
    replace(main, message ? h('p', { class: 'notice', role: 'status' }, message) : null, content);
  } catch (e) {
    if (current !== navigation) return;
    replace(main, h('h1', {}, titles[page]), h('p', { class: 'error', role: 'alert' }, e.message));
  }
}

onSessionExpired(() => { principal = null; go('#/login', 'Your session ended (the token was revoked or is unknown). Log in again.'); });
window.addEventListener('hashchange', () => show());
show();
