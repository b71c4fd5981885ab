const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put into HTML. */
export const esc = value => String(value ?? '').replace(/[&<>"']/g, c => ESCAPES[c]);

export function formatValue(value) {
  if (value == null || Number.isNaN(value)) return '–';
  const abs = Math.abs(value);
  return abs !== 0 && (abs >= 1e6 || abs < 1e-3) ? value.toExponential(3) : Number(value.toFixed(3)).toString();
}

export function age(iso) {
  const seconds = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (seconds < 60) return seconds.toFixed(1) + ' s';
  if (seconds < 3600) return Math.floor(seconds / 60) + ' min';
  return Math.floor(seconds / 3600) + ' h';
}

export const time = iso => (iso ? new Date(iso).toLocaleTimeString() : '–');
