// One environment's connection of a data source as a form: settings as name/value rows, secrets as names with a
// password box that starts empty. The console never has a secret to show: the API returns only secret names.
import { button, h } from '../dom.js';

const STARTING_SETTINGS = {
  kafka: ['bootstrap.servers'], mysql: ['url', 'username'], postgresql: ['url', 'username'], jdbc: ['url', 'username'],
  redis: ['host', 'port'], elasticsearch: ['hosts'], hive: ['hive.metastore.uris'], hbase: ['hbase.zookeeper.quorum'],
};
const STARTING_SECRETS = { mysql: ['password'], postgresql: ['password'], jdbc: ['password'], redis: ['password'], elasticsearch: ['password'] };

/**
 * Returns {element, value()} for one environment's connection; value() is {properties, secrets} with the secrets
 * typed in (a kept secret is left out, so the API keeps it; a removed one is sent empty, which removes it).
 */
export function connectionEditor(environment, kind, summary) {
  const prefix = `connections.${environment}`;
  const settings = h('tbody', {});
  const secrets = h('tbody', {});
  const row = (tbody, key, value, secret, kept) => {
    const name = h('input', { name: 'key', value: key, size: 22, 'aria-label': secret ? 'Secret name' : 'Setting name' });
    const input = h('input', secret
      ? { name: 'value', type: 'password', autocomplete: 'new-password', size: 28, placeholder: kept ? 'kept (type to replace)' : '', 'aria-label': `Secret ${key || 'value'}` }
      : { name: 'value', value: value || '', size: 36, 'aria-label': `Value of ${key || 'setting'}` });
    const remove = h('input', { type: 'checkbox', name: 'remove', 'aria-label': `Remove ${key}` });
    const error = h('p', { class: 'error', role: 'alert', hidden: true });
    const renameField = () => { input.dataset.field = `${prefix}.${secret ? 'secrets' : 'properties'}.${name.value.trim()}`; };
    name.addEventListener('input', renameField);
    renameField();
    const tr = h('tr', { 'data-kept': kept ? 'yes' : null }, h('td', {}, name), h('td', {}, input, error),
      h('td', {}, kept ? h('label', {}, remove, ' remove') : button('Remove', () => tr.remove())));
    tbody.append(tr);
  };
  const properties = summary ? summary.properties : Object.fromEntries((STARTING_SETTINGS[kind] || []).map((k) => [k, '']));
  Object.entries(properties).forEach(([k, v]) => row(settings, k, v, false, false));
  (summary ? summary.secretKeys : STARTING_SECRETS[kind] || []).forEach((k) => row(secrets, k, '', true, Boolean(summary)));
  const element = h('fieldset', { class: 'connection', 'data-field': prefix },
    h('legend', {}, `Connection in ${environment}`),
    h('table', { class: 'pairs' }, h('caption', {}, 'Settings'), settings),
    button('Add setting', () => row(settings, '', '', false, false)),
    h('table', { class: 'pairs' }, h('caption', {}, 'Secrets (never shown; sealed at rest)'), secrets),
    button('Add secret', () => row(secrets, '', '', true, false)),
    h('p', { class: 'error', role: 'alert', hidden: true }));
  const value = () => {
    const pairs = (tbody, secret) => Object.fromEntries([...tbody.children].flatMap((tr) => {
      const key = tr.querySelector('[name=key]').value.trim();
      const typed = tr.querySelector('[name=value]').value;
      if (!key) return [];
      if (secret && tr.dataset.kept) return tr.querySelector('[name=remove]').checked ? [[key, '']] : typed ? [[key, typed]] : [];
      return [[key, secret ? typed : typed.trim()]];
    }));
    return { properties: pairs(settings, false), secrets: pairs(secrets, true) };
  };
  return { element, value };
}
