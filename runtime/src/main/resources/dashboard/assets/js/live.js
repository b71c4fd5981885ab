// The live twin stream (/api/v1/stream): one WebSocket for the page, re-subscribed after every reconnect, which
// happens by itself with a growing delay (1 s … 30 s). Every rendered update is stamped against its reading's
// source time (the publisher sets it to the publish time) into window.twinworksLatency.
import { streamUrl } from './api.js';

const listeners = new Set();
const twins = new Set();
const prefixes = new Set();
let socket = null;
let delay = 1000;
let statusCallback = () => {};

/** Percentiles of a list of milliseconds. */
function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = p => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] : null);
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: at(100) };
}

/**
 * samples: publish → painted (the reading's source time to the frame); afterReceive: the part after the runtime
 * received it (ingestion, persist, stream, browser), so the rest is the publisher and broker.
 */
export const latency = {
  samples: [],
  afterReceive: [],
  max: 100000,
  add(total, sinceReceived) {
    if (this.samples.length >= this.max) { this.samples.shift(); this.afterReceive.shift(); }
    this.samples.push(total);
    this.afterReceive.push(sinceReceived);
  },
  reset() { this.samples = []; this.afterReceive = []; },
  summary() { return { ...percentiles(this.samples), afterReceive: percentiles(this.afterReceive) }; },
};
window.twinworksLatency = latency;

export function onStatus(callback) {
  statusCallback = callback;
}

/** Calls listener(message) for every server message; returns the function that removes it. */
export function listen(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function subscribeTwin(id) {
  twins.add(id);
  send({ subscribe: { twins: [id] } });
}

export function unsubscribeTwin(id) {
  twins.delete(id);
  send({ unsubscribe: { twins: [id] } });
}

export function subscribePrefix(prefix) {
  prefixes.add(prefix);
  send({ subscribe: { prefix } });
}

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

export function connect() {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  socket = new WebSocket(streamUrl('/stream', protocol));
  socket.addEventListener('open', () => {
    delay = 1000;
    statusCallback(true);
    if (twins.size) send({ subscribe: { twins: [...twins] } });
    if (prefixes.size) send({ subscribe: { prefixes: [...prefixes] } });
  });
  socket.addEventListener('message', event => {
    const message = JSON.parse(event.data);
    listeners.forEach(listener => listener(message));
  });
  socket.addEventListener('close', () => {
    statusCallback(false);
    setTimeout(connect, delay);
    delay = Math.min(delay * 2, 30000);
  });
}

/** Stamps a rendered twin delta: now minus the newest source time of its signals, once the frame is painted. */
export function stampRendered(message) {
  let newest = 0;
  for (const signal of Object.values(message.signals || {})) {
    newest = Math.max(newest, Date.parse(signal.timestamp));
  }
  const received = Date.parse(message.receivedAt);
  if (newest) requestAnimationFrame(() => { const now = Date.now(); latency.add(now - newest, now - received); });
}
