// The dashboard's entry: hash routes (#/ overview, #/twin/<id>), the live stream, the tree and the alert feed.
import { getJson, askForToken } from './api.js';
import { connect, onStatus } from './live.js';
import { startTree, setCurrentTwin, setAlerts } from './tree.js';
import { startFeed, onAlerts, worstByTwin } from './feed.js';
import { showTwin } from './twin.js';
import { esc } from './util.js';

const main = document.getElementById('main');
let leave = () => {};

function route() {
  leave();
  leave = () => {};
  const match = /^#\/twin\/(.+)$/.exec(location.hash);
  if (match) {
    const id = decodeURIComponent(match[1]);
    setCurrentTwin(id);
    leave = showTwin(main, id);
  } else {
    setCurrentTwin(null);
    overview();
  }
  main.focus({ preventScroll: true });
}

let counts = null;

async function overview() {
  main.innerHTML = '<h2>Plant overview</h2><p class="muted">Loading…</p>';
  try {
    const byKind = {};
    let cursor = null;
    do {
      const page = await getJson('/twins?limit=1000' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
      page.items.forEach(t => { byKind[t.kind] = (byKind[t.kind] || 0) + 1; });
      cursor = page.cursor;
    } while (cursor);
    counts = byKind;
    renderOverview();
  } catch (e) {
    main.innerHTML = `<p role="alert">${esc(e.message)}</p>`;
  }
}

function renderOverview() {
  if (!counts || location.hash.startsWith('#/twin/')) return;
  const active = [...worstByTwin().entries()];
  main.innerHTML = `<h2>Plant overview</h2>
    <table><thead><tr><th scope="col">kind</th><th scope="col">twins</th></tr></thead><tbody>
    ${Object.entries(counts).map(([k, n]) => `<tr><td>${esc(k)}</td><td class="num">${n}</td></tr>`).join('')}</tbody></table>
    <h3>Twins with active alerts</h3>
    ${active.length ? `<ul>${active.map(([id, s]) => `<li><a href="#/twin/${encodeURIComponent(id)}">${esc(id)}</a> ${esc(s)}</li>`).join('')}</ul>`
      : '<p class="muted">none</p>'}
    <p class="muted">Choose a twin in the plant tree.</p>`;
}

document.getElementById('token-button').addEventListener('click', async () => {
  await askForToken();
  location.reload();
});
onStatus(up => {
  const status = document.getElementById('connection');
  status.textContent = up ? 'live' : 'reconnecting…';
  status.className = 'status ' + (up ? 'up' : 'down');
});
onAlerts(() => {
  setAlerts(worstByTwin());
  renderOverview();
});
window.addEventListener('hashchange', route);

connect();
startFeed();
startTree().catch(e => console.warn('tree', e));
route();
