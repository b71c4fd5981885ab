// The HTTP API as the page uses it. With security on, a 401 asks for a token once; it is kept in sessionStorage
// (this tab only), sent as a bearer header on fetch and as ?access_token= on the SSE and WebSocket URLs.
const TOKEN_KEY = 'twinworks.token';
let asking = null;

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function askForToken() {
  if (asking) return asking;
  const dialog = document.getElementById('token-dialog');
  const input = document.getElementById('token-input');
  input.value = token() || '';
  asking = new Promise(resolve => {
    dialog.addEventListener('close', () => {
      if (dialog.returnValue === 'ok' && input.value.trim()) {
        sessionStorage.setItem(TOKEN_KEY, input.value.trim());
      }
      asking = null;
      resolve(token());
    }, { once: true });
  });
  dialog.showModal();
  return asking;
}

function withToken(url) {
  const t = token();
  if (!t) return url;
  return url + (url.includes('?') ? '&' : '?') + 'access_token=' + encodeURIComponent(t);
}

async function send(path, options = {}) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const headers = { Accept: 'application/json', ...(options.headers || {}) };
    if (token()) headers.Authorization = 'Bearer ' + token();
    const response = await fetch('/api/v1' + path, { ...options, headers });
    if (response.status === 401 && attempt === 0) {
      await askForToken();
      continue;
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const message = body && body.message ? body.message : response.statusText;
      throw new Error(`${response.status}: ${message}`);
    }
    return body;
  }
  throw new Error('401: a valid token is needed');
}

export const getJson = path => send(path);
export const post = path => send(path, { method: 'POST' });

/** The SSE or WebSocket URL of an API path, with the token as a query parameter. */
export function streamUrl(path, protocol) {
  const base = protocol ? `${protocol}//${location.host}` : '';
  return withToken(base + '/api/v1' + path);
}

export const enc = encodeURIComponent;
