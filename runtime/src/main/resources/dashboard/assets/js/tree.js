// The plant tree: tenants → plants → lines/racks → twins, grouped by the segments of twin ids, from the paged
// twin listing plus the stream's twin-added events. A node's colour is the worst health below it.
import { getJson, enc } from './api.js';
import { listen } from './live.js';

const RANK = { critical: 4, 'communication-loss': 4, warning: 3, online: 2, unknown: 1 };
const STALE_MS = 60000;
const twins = new Map();          // id → {id, kind, tenant, lastSeen}
const worstAlert = new Map();     // twin id → 'critical' | 'warning' | ...
const expanded = new Set();
let current = null;
let filter = '';
let scheduled = false;

export async function startTree() {
  document.getElementById('tree-filter').addEventListener('input', event => {
    filter = event.target.value.trim().toLowerCase();
    render();
  });
  listen(message => {
    if (message.type === 'twin-added') {
      twins.set(message.id, { ...message, lastSeen: new Date().toISOString() });
      schedule();
    } else if (message.type === 'twin' && twins.has(message.id)) {
      twins.get(message.id).lastSeen = message.receivedAt;
    }
  });
  await refresh();
  setInterval(refresh, 15000);
}

export function setCurrentTwin(id) {
  current = id;
  if (id) {
    const segments = id.split(':');
    for (let i = 1; i < segments.length; i++) expanded.add(segments.slice(0, i).join(':'));
  }
  render();
}

/** The alert feed tells the tree of every active alert it sees. */
export function setAlerts(activeByTwin) {
  worstAlert.clear();
  activeByTwin.forEach((severity, id) => worstAlert.set(id, severity));
  schedule();
}

async function refresh() {
  let cursor = null;
  do {
    const page = await getJson('/twins?limit=1000' + (cursor ? '&cursor=' + enc(cursor) : ''));
    page.items.forEach(item => twins.set(item.id, item));
    cursor = page.cursor;
  } while (cursor);
  if (!expanded.size) [...twins.values()].forEach(t => expanded.add(t.tenant));
  render();
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => { scheduled = false; render(); });
}

function health(twin) {
  const alert = worstAlert.get(twin.id);
  if (alert === 'critical' || alert === 'warning') return alert;
  return Date.now() - Date.parse(twin.lastSeen) < STALE_MS ? 'online' : 'unknown';
}

function build() {
  const root = { path: '', children: new Map() };
  for (const twin of twins.values()) {
    if (filter && !twin.id.toLowerCase().includes(filter)) continue;
    let node = root;
    const segments = twin.id.split(':');
    segments.forEach((segment, i) => {
      const path = segments.slice(0, i + 1).join(':');
      if (!node.children.has(segment)) node.children.set(segment, { path, name: segment, children: new Map() });
      node = node.children.get(segment);
    });
    node.twin = twin;
  }
  return root;
}

function worst(node) {
  let best = node.twin ? health(node.twin) : 'unknown';
  for (const child of node.children.values()) {
    const h = worst(child);
    if (RANK[h] > RANK[best]) best = h;
  }
  node.health = best;
  return best;
}

function render() {
  const root = build();
  worst(root);
  const list = document.getElementById('tree');
  list.replaceChildren(...[...root.children.values()].sort(byName).map(item));
}

const byName = (a, b) => a.name.localeCompare(b.name, undefined, { numeric: true });

function item(node) {
  const li = document.createElement('li');
  li.setAttribute('role', 'treeitem');
  const row = document.createElement('div');
  row.className = 'node' + (node.twin ? ' twin' : '') + (node.path === current ? ' current' : '');
  const dot = `<span class="dot ${node.health}" title="${node.health}" aria-label="health ${node.health}"></span>`;
  const hasChildren = node.children.size > 0;
  const open = hasChildren && (expanded.has(node.path) || filter);
  if (hasChildren) li.setAttribute('aria-expanded', open ? 'true' : 'false');
  const toggle = hasChildren ? `<span class="toggle" aria-hidden="true">${open ? '▾' : '▸'}</span>` : '<span class="toggle"></span>';
  const label = node.twin
    ? `<a href="#/twin/${encodeURIComponent(node.twin.id)}" data-twin="${node.twin.id}">${node.name}</a> <span class="kind">${node.twin.kind}</span>`
    : `<span>${node.name}</span>`;
  row.innerHTML = toggle + dot + label;
  if (!node.twin) {
    row.tabIndex = 0;
    const flip = () => { expanded.has(node.path) ? expanded.delete(node.path) : expanded.add(node.path); render(); };
    row.addEventListener('click', flip);
    row.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); flip(); } });
  } else if (hasChildren) {
    row.querySelector('.toggle').addEventListener('click', () => {
      expanded.has(node.path) ? expanded.delete(node.path) : expanded.add(node.path);
      render();
    });
  }
  li.append(row);
  if (hasChildren) {
    const ul = document.createElement('ul');
    ul.setAttribute('role', 'group');
    ul.append(...[...node.children.values()].sort(byName).map(item));
    li.append(ul);
  }
  return li;
}
