// One twin's page: live signals (value, quality, age, sparkline), history chart, health, active alerts with
// Acknowledge, detector configuration; OEE gauges and per-shift trend for machines; a cell heat map for packs.
import { getJson, enc } from './api.js';
import { subscribeTwin, unsubscribeTwin, listen, stampRendered } from './live.js';
import { activeFor, onAlerts } from './feed.js';
import { sparkline, historyChart } from './charts.js';
import { esc, formatValue, age, time } from './util.js';

const SPARK_POINTS = 120;
const SPARK_SIGNALS = 16;
const RANGES = { '15 min': 15, '1 h': 60, '6 h': 360, '24 h': 1440 };

export function showTwin(main, id) {
  const page = new TwinPage(main, id);
  page.start();
  return () => page.stop();
}

class TwinPage {
  constructor(main, id) {
    this.main = main;
    this.id = id;
    this.signals = {};
    this.sparks = new Map();
    this.cleanups = [];
  }

  async start() {
    this.main.innerHTML = `<p class="muted">Loading ${esc(this.id)}…</p>`;
    let twin;
    try {
      twin = await getJson('/twins/' + enc(this.id));
    } catch (e) {
      this.main.innerHTML = `<p role="alert">Cannot show ${esc(this.id)}: ${esc(e.message)}</p>`;
      return;
    }
    this.twin = twin;
    this.signals = twin.signals;
    this.layout();
    this.renderSignals();
    this.renderAlerts();
    this.renderKindPanels();
    this.loadConfig();
    this.loadHistory();
    this.cleanups.push(listen(message => this.onMessage(message)));
    this.cleanups.push(onAlerts(() => this.renderAlerts()));
    subscribeTwin(this.id);
    this.cleanups.push(() => unsubscribeTwin(this.id));
    const ticker = setInterval(() => this.tick(), 1000);
    this.cleanups.push(() => clearInterval(ticker));
    const refresher = setInterval(() => this.refresh(), 10000);
    this.cleanups.push(() => clearInterval(refresher));
  }

  stop() {
    this.cleanups.forEach(cleanup => cleanup());
    this.sparks.forEach(chart => chart.destroy());
    if (this.history) this.history.destroy();
    if (this.trend) this.trend.destroy();
  }

  layout() {
    const t = this.twin;
    this.main.innerHTML = `
      <div class="twin-head">
        <h2 id="twin-title">${esc(t.id)}</h2><span class="kind">${esc(t.kind)}</span>
        <span id="twin-health" class="pill ${esc(t.health.status)}" role="status">${esc(t.health.status)}</span>
        <span class="muted">last seen <span id="twin-last-seen">${time(t.health.lastSeen)}</span></span>
      </div>
      <section aria-labelledby="alerts-h"><h3 id="alerts-h">Active alerts</h3><div id="twin-alerts"></div></section>
      <section id="kind-panel"></section>
      <section aria-labelledby="signals-h"><h3 id="signals-h">Signals</h3>
        <table id="signals"><thead><tr><th scope="col">signal</th><th scope="col">value</th><th scope="col">quality</th>
          <th scope="col">age</th><th scope="col">trend</th></tr></thead><tbody></tbody></table></section>
      <section aria-labelledby="history-h"><h3 id="history-h">History</h3>
        <div class="chart-tools">
          <label>Signal <select id="history-signal"></select></label>
          <label>Range <select id="history-range">${Object.keys(RANGES).map(r => `<option>${r}</option>`).join('')}</select></label>
          <span class="muted">drag to zoom, double-click to reset</span>
        </div>
        <div id="history-chart"></div></section>
      <section aria-labelledby="config-h"><h3 id="config-h">Configuration</h3><pre id="config" class="config">…</pre></section>`;
    const names = Object.keys(this.signals).sort();
    const select = this.main.querySelector('#history-signal');
    select.innerHTML = names.map(n => `<option>${esc(n)}</option>`).join('');
    select.addEventListener('change', () => this.loadHistory());
    this.main.querySelector('#history-range').addEventListener('change', () => this.loadHistory());
  }

  renderSignals() {
    const body = this.main.querySelector('#signals tbody');
    const names = Object.keys(this.signals).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    body.innerHTML = names.map(name => `
      <tr data-signal="${esc(name)}"><th scope="row">${esc(name)}</th><td class="num value"></td>
        <td class="quality"></td><td class="num age"></td><td class="spark"></td></tr>`).join('');
    this.rows = new Map([...body.querySelectorAll('tr')].map(row => [row.dataset.signal, row]));
    names.forEach(name => this.updateRow(name));
    if (names.length <= SPARK_SIGNALS) names.forEach(name => this.seedSpark(name));
  }

  updateRow(name) {
    const row = this.rows.get(name);
    const signal = this.signals[name];
    if (!row) { this.renderSignals(); return; }
    row.querySelector('.value').textContent = formatValue(signal.value);
    const quality = row.querySelector('.quality');
    quality.textContent = signal.quality;
    quality.className = 'quality q-' + signal.quality;
    row.querySelector('.age').textContent = age(signal.timestamp);
  }

  async seedSpark(name) {
    const from = new Date(Date.now() - 5 * 60000).toISOString();
    const cell = this.rows.get(name).querySelector('.spark');
    let xs = [], ys = [];
    try {
      const history = await getJson(`/twins/${enc(this.id)}/history?signal=${enc(name)}&from=${enc(from)}`);
      const points = history.points.slice(-SPARK_POINTS);
      xs = points.map(p => Date.parse(p.t) / 1000);
      ys = points.map(p => p.v);
    } catch (e) { /* a sparkline without a past */ }
    this.sparks.set(name, Object.assign(sparkline(cell, [xs, ys]), { xs, ys }));
  }

  pushSpark(name, signal) {
    const chart = this.sparks.get(name);
    if (!chart) return;
    chart.xs.push(Date.parse(signal.timestamp) / 1000);
    chart.ys.push(signal.value);
    if (chart.xs.length > SPARK_POINTS) { chart.xs.shift(); chart.ys.shift(); }
    chart.setData([chart.xs, chart.ys]);
  }

  onMessage(message) {
    if (message.type !== 'twin' || message.id !== this.id) return;
    let added = false;
    for (const [name, signal] of Object.entries(message.signals)) {
      added = added || !(name in this.signals);
      this.signals[name] = signal;
      if (!added) { this.updateRow(name); this.pushSpark(name, signal); }
      this.pushHistory(name, signal);
    }
    if (added) this.renderSignals();
    this.setHealth(message.health, message.receivedAt);
    if (this.heat) this.renderHeat();
    stampRendered(message);
  }

  pushHistory(name, signal) {
    const live = this.historyLive;
    if (!live || live.name !== name || !this.history) return;
    live.xs.push(Date.parse(signal.timestamp) / 1000);
    live.ys.push(signal.value);
    this.history.setData([live.xs, live.ys], false);
    if (!live.zoomed) this.history.setScale('x', { min: live.start, max: Date.now() / 1000 });
  }

  setHealth(status, lastSeen) {
    const pill = this.main.querySelector('#twin-health');
    pill.textContent = status;
    pill.className = 'pill ' + status;
    this.main.querySelector('#twin-last-seen').textContent = time(lastSeen);
  }

  tick() {
    for (const name of Object.keys(this.signals)) {
      const row = this.rows.get(name);
      if (row) row.querySelector('.age').textContent = age(this.signals[name].timestamp);
    }
  }

  async refresh() {
    try {
      const twin = await getJson('/twins/' + enc(this.id));
      this.setHealth(twin.health.status, twin.health.lastSeen);
      if (this.twin.kind === 'machine') { this.twin.oee = twin.oee; this.renderGauges(); }
    } catch (e) { /* the next refresh tries again */ }
  }

  renderAlerts() {
    const box = this.main.querySelector('#twin-alerts');
    if (!box) return;
    const own = activeFor(this.id);
    const fromTwin = (this.twin.alerts || []).filter(a => !own.some(o => o.id === a.id));
    const all = [...own, ...fromTwin].filter(a => a.state !== 'cleared');
    box.innerHTML = all.length ? `<table><tbody>${all.map(a => `
      <tr><td><strong>${esc(a.severity)}</strong></td><td>${esc(a.kind)} on ${esc(a.signal || '')}</td>
        <td class="num">${formatValue(a.value)}</td><td>${time(a.raisedAt)}</td>
        <td>${a.state === 'active'
          ? `<button type="button" data-ack="${esc(a.id)}">Acknowledge</button>` : esc(a.state)}</td></tr>`).join('')}
      </tbody></table>` : '<p class="muted">none</p>';
    box.querySelectorAll('button[data-ack]').forEach(button => button.addEventListener('click', async () => {
      const { acknowledge } = await import('./feed.js');
      await acknowledge(button.dataset.ack);
      this.twin.alerts = (this.twin.alerts || []).map(a => a.id === button.dataset.ack ? { ...a, state: 'acknowledged' } : a);
      this.renderAlerts();
    }));
  }

  async loadConfig() {
    try {
      const config = await getJson(`/twins/${enc(this.id)}/config`);
      this.main.querySelector('#config').textContent = Object.keys(config).length
        ? JSON.stringify(config, null, 2) : 'defaults (nothing set for this twin)';
    } catch (e) {
      this.main.querySelector('#config').textContent = e.message;
    }
  }

  async loadHistory() {
    const name = this.main.querySelector('#history-signal').value;
    const minutes = RANGES[this.main.querySelector('#history-range').value];
    if (!name) return;
    const from = new Date(Date.now() - minutes * 60000).toISOString();
    const step = minutes > 60 ? '&step=PT1M' : '';
    const element = this.main.querySelector('#history-chart');
    try {
      const history = await getJson(`/twins/${enc(this.id)}/history?signal=${enc(name)}&from=${enc(from)}${step}`);
      const xs = history.points.map(p => Date.parse(p.t) / 1000);
      const ys = history.points.map(p => (step ? p.avg : p.v));
      if (this.history) this.history.destroy();
      element.replaceChildren();
      const start = Date.parse(from) / 1000;
      // Raw ranges follow the live values until the user zooms in; averaged ones stay as loaded.
      this.historyLive = step ? null : { name, xs, ys, start, zoomed: false };
      this.history = historyChart(element, `${name}${step ? ' (1 min average)' : ''}`, [name], [xs, ys],
          start, Date.now() / 1000, () => { if (this.historyLive) this.historyLive.zoomed = true; });
      element.addEventListener('dblclick', () => { if (this.historyLive) this.historyLive.zoomed = false; });
    } catch (e) {
      element.textContent = e.message;
    }
  }

  renderKindPanels() {
    const panel = this.main.querySelector('#kind-panel');
    if (this.twin.kind === 'machine') {
      panel.innerHTML = `<h3>OEE, current 15 min window</h3><div class="gauges" id="gauges"></div>
        <h3>OEE per shift</h3><div id="oee-trend"></div>`;
      this.renderGauges();
      this.loadTrend();
    } else if (this.twin.kind === 'battery-pack') {
      panel.innerHTML = `<h3>Cells</h3><div class="chart-tools"><label>Metric <select id="heat-metric"></select></label>
        <span class="muted" id="heat-range"></span></div><div class="heat" id="heat" role="grid" aria-label="cell heat map"></div>`;
      this.heat = true;
      const metrics = [...new Set(Object.keys(this.signals).map(cellMetric).filter(Boolean))].sort();
      const select = panel.querySelector('#heat-metric');
      select.innerHTML = metrics.map(m => `<option${m === 'voltage' ? ' selected' : ''}>${esc(m)}</option>`).join('');
      select.addEventListener('change', () => this.renderHeat());
      this.renderHeat();
    }
  }

  renderGauges() {
    const window = (this.twin.oee || {}).PT15M || {};
    const gauges = this.main.querySelector('#gauges');
    if (!gauges) return;
    gauges.innerHTML = [['availability', 'A'], ['performance', 'P'], ['quality', 'Q'], ['oee', 'OEE']].map(([key, label]) => {
      const value = window[key];
      const percent = value == null ? 0 : Math.max(0, Math.min(100, value * 100));
      const colour = value == null ? '#6b7280' : percent >= 85 ? '#1a7f37' : percent >= 60 ? '#9a6700' : '#c62828';
      const text = value == null ? '–' : percent.toFixed(0) + ' %';
      return `<div class="gauge" role="meter" aria-label="${label}" aria-valuemin="0" aria-valuemax="100"
        aria-valuenow="${percent.toFixed(0)}"><div class="ring" style="--p:${percent};--c:${colour}"><span>${text}</span></div>
        <div>${label}</div></div>`;
    }).join('');
  }

  async loadTrend() {
    const from = new Date(Date.now() - 7 * 86400000).toISOString();
    const element = this.main.querySelector('#oee-trend');
    try {
      const oee = await getJson(`/twins/${enc(this.id)}/oee?bucket=shift&from=${enc(from)}`);
      const windows = oee.windows;
      const xs = windows.map(w => Date.parse(w.start) / 1000);
      const series = ['availability', 'performance', 'quality', 'oee'];
      const data = [xs, ...series.map(s => windows.map(w => (w[s] == null ? null : w[s] * 100)))];
      this.trend = historyChart(element, 'OEE per shift, %', ['A', 'P', 'Q', 'OEE'], data,
          Date.parse(from) / 1000, Date.now() / 1000, () => {}, { range: [0, 100] });
    } catch (e) {
      element.textContent = e.message;
    }
  }

  renderHeat() {
    const metric = this.main.querySelector('#heat-metric')?.value;
    const grid = this.main.querySelector('#heat');
    if (!metric || !grid) return;
    const cells = Object.entries(this.signals)
      .filter(([name]) => cellMetric(name) === metric)
      .map(([name, s]) => ({ cell: name.split('.')[1], value: s.value, quality: s.quality }))
      .sort((a, b) => a.cell.localeCompare(b.cell, undefined, { numeric: true }));
    const values = cells.map(c => c.value);
    const min = Math.min(...values), max = Math.max(...values);
    this.main.querySelector('#heat-range').textContent = `min ${formatValue(min)} · max ${formatValue(max)}`;
    grid.innerHTML = cells.map(c => {
      const share = max > min ? (c.value - min) / (max - min) : 0.5;
      return `<div class="cell" role="gridcell" style="background:hsl(${(1 - share) * 220} 70% 80%)"
        aria-label="cell ${esc(c.cell)} ${esc(metric)} ${formatValue(c.value)}">${esc(c.cell)}<b>${formatValue(c.value)}</b></div>`;
    }).join('');
  }
}

/** 'cell.07.voltage' → 'voltage'; other signals → null. */
function cellMetric(name) {
  const match = /^cell\.[^.]+\.(.+)$/.exec(name);
  return match ? match[1] : null;
}
