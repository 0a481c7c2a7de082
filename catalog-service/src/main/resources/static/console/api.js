// The console's only way to the server: the public REST API, with the user's own bearer token. The token lives in
// sessionStorage (gone with the tab) and is sent as a header, never as a cookie, so no other site can make the
// browser send it; credentials: 'omit' also keeps the browser from answering a 401 with its own login prompt.

const SESSION_KEY = 'sluice.console.session';

/** A refusal of the API in its own words: the problem's detail and the input field it names, if any. */
export class ApiError extends Error {
  constructor(status, detail, field, parameter) {
    super(detail);
    this.status = status;
    this.field = field || null;
    this.parameter = parameter || null; // a template's refusals name the parameter instead
  }
}

export function session() {
  const stored = sessionStorage.getItem(SESSION_KEY);
  return stored ? JSON.parse(stored) : null;
}

function base64(text) {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

async function problemOf(response) {
  let detail = `the server answered ${response.status} ${response.statusText}`.trim();
  let field = null;
  let parameter = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    const body = await response.json().catch(() => null);
    if (body && typeof body.detail === 'string') detail = body.detail;
    if (body && typeof body.field === 'string') field = body.field;
    if (body && typeof body.parameter === 'string') parameter = body.parameter;
  }
  return new ApiError(response.status, detail, field, parameter);
}

async function send(method, path, body, authorization) {
  const headers = { Accept: 'application/json' };
  if (authorization) headers.Authorization = authorization;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'omit', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'catalog-service did not answer: check your network, or that the service is running');
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** Logs in: trades the user name and password for a token the API issues, and keeps only the token. */
export async function login(user, password) {
  const issued = await send('POST', '/api/v1/tokens', { name: 'web_console', validForHours: 8 }, 'Basic ' + base64(user + ':' + password));
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: issued.token, tokenId: issued.id }));
}

/** Logs out: revokes the token on the server (so a copy of it is worthless too), then forgets it. */
export async function logout() {
  const current = session();
  sessionStorage.removeItem(SESSION_KEY);
  if (current) await send('DELETE', `/api/v1/tokens/${current.tokenId}`, undefined, 'Bearer ' + current.token).catch(() => {});
}

/** Listeners told when the server no longer accepts the session's token. */
const expiredListeners = [];
export function onSessionExpired(listener) { expiredListeners.push(listener); }

export async function call(method, path, body) {
  const current = session();
  try {
    return await send(method, path, body, current ? 'Bearer ' + current.token : undefined);
  } catch (e) {
    if (e.status === 401 && current) {
      sessionStorage.removeItem(SESSION_KEY);
      expiredListeners.forEach((listener) => listener(e));
    }
    throw e;
  }
}

/** A path with query parameters; empty ones are left out. */
export function withQuery(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export const get = (path, params) => call('GET', withQuery(path, params));
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);
export const put = (path, body) => call('PUT', path, body);
export const patch = (path, body) => call('PATCH', path, body);
export const del = (path) => call('DELETE', path);

/** Path segments are encoded, so a name can never step into another path. */
export const seg = encodeURIComponent;
