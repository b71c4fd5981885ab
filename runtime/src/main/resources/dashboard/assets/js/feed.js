// The live alert feed: the active alerts, then every change from the SSE stream (/api/v1/alerts/stream) with the
// tenant and severity filters; a critical alert flashes and, when sound is on, beeps (WebAudio). Acknowledge
// buttons here and on the twin page.
import { getJson, post, streamUrl, enc } from './api.js';
import { esc, time, formatValue } from './util.js';

const MAX_ITEMS = 200;
const alerts = new Map();   // id → alert, newest last
const listeners = new Set();
let source = null;
let soundOn = false;
let audio = null;

export function startFeed() {
  const sound = document.getElementById('sound');
  sound.addEventListener('click', () => {
    soundOn = !soundOn;
    sound.setAttribute('aria-pressed', String(soundOn));
    sound.textContent = soundOn ? 'Sound on' : 'Sound off';
    if (soundOn && !audio) audio = new AudioContext();
  });
  for (const id of ['feed-tenant', 'feed-severity']) {
    document.getElementById(id).addEventListener('change', reconnect);
  }
  document.getElementById('feed').addEventListener('click', event => {
    const button = event.target.closest('button[data-ack]');
    if (button) acknowledge(button.dataset.ack);
  });
  reconnect();
}

/** Calls listener() whenever the alerts change. */
export function onAlerts(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function activeFor(twinId) {
  return [...alerts.values()].filter(a => a.twinId === twinId && a.state !== 'cleared');
}

/** The worst severity of the active (unacknowledged) alerts, per twin. */
export function worstByTwin() {
  const rank = { critical: 3, warning: 2, info: 1 };
  const worst = new Map();
  for (const a of alerts.values()) {
    if (a.state === 'active' && (rank[a.severity] || 0) > (rank[worst.get(a.twinId)] || 0)) worst.set(a.twinId, a.severity);
  }
  return worst;
}

export async function acknowledge(alertId) {
  const alert = await post('/alerts/' + enc(alertId) + '/ack');
  update(alert, false);
}

function filters() {
  const params = new URLSearchParams();
  const tenant = document.getElementById('feed-tenant').value.trim();
  const severity = document.getElementById('feed-severity').value;
  if (tenant) params.set('tenant', tenant);
  if (severity) params.set('severity', severity);
  return params;
}

async function reconnect() {
  if (source) source.close();
  alerts.clear();
  const params = filters();
  const listing = new URLSearchParams(params);
  listing.delete('severity');
  listing.set('state', 'active');
  try {
    const active = await getJson('/alerts?' + listing);
    const severity = params.get('severity');
    active.items.filter(a => !severity || a.severity === severity).forEach(a => update(a, false));
  } catch (e) {
    console.warn('alerts', e);
  }
  render();
  const query = params.toString();
  source = new EventSource(streamUrl('/alerts/stream' + (query ? '?' + query : '')));
  source.addEventListener('alert', event => update(JSON.parse(event.data), true));
}

function update(alert, live) {
  const known = alerts.get(alert.id);
  alerts.delete(alert.id);
  alerts.set(alert.id, alert);
  while (alerts.size > MAX_ITEMS) alerts.delete(alerts.keys().next().value);
  const isNew = live && !known && alert.state === 'active';
  render(isNew && alert.severity === 'critical' ? alert.id : null);
  if (isNew && alert.severity === 'critical') beep();
  listeners.forEach(listener => listener());
}

function render(flashId) {
  const list = document.getElementById('feed');
  const items = [...alerts.values()].reverse();
  list.innerHTML = items.map(a => `
    <li class="${esc(a.severity)} ${esc(a.state)}${a.id === flashId ? ' flash' : ''}" data-alert="${esc(a.id)}">
      <div class="alert-line"><strong>${esc(a.severity)}</strong> <span>${esc(a.kind)}</span>
        ${a.state === 'active'
          ? `<button type="button" data-ack="${esc(a.id)}" aria-label="Acknowledge ${esc(a.kind)} on ${esc(a.twinId)}">Acknowledge</button>`
          : `<span class="alert-meta">${esc(a.state)}</span>`}</div>
      <div><a href="#/twin/${encodeURIComponent(a.twinId)}">${esc(a.twinId)}</a> ${esc(a.signal || '')}
        = ${formatValue(a.value)}</div>
      <div class="alert-meta">raised ${time(a.raisedAt)}</div>
    </li>`).join('');
  document.getElementById('feed-count').textContent =
    String(items.filter(a => a.state === 'active').length);
}

function beep() {
  if (!soundOn || !audio) return;
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.frequency.value = 880;
  gain.gain.setValueAtTime(0.2, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start();
  oscillator.stop(audio.currentTime + 0.6);
}
