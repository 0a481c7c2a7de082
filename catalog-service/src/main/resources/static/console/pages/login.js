import { login } from '../api.js';
import { field, formError, h, showProblem } from '../dom.js';

export async function render({ query, go }) {
  const user = h('input', { name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit' }, 'Log in');
  const form = h('form', { class: 'card narrow', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Log in to Sluice'),
    h('p', { class: 'muted' }, 'Use your Sluice user name and password. The console asks the catalog API for a token, keeps it only in this tab, and revokes it when you log out.'),
    formError(),
    field('User name', user, 'username'),
    field('Password', password, 'password'),
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      await login(user.value.trim(), password.value);
      const next = query.get('next');
      go(next && next.startsWith('#/') && !next.startsWith('#/login') ? next : '#/directory');
    } catch (e) {
      showProblem(form, e.status === 401 ? { message: 'The user name or password is wrong.', field: null } : e);
      password.value = '';
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
