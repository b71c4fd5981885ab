// Charts with uPlot (MIT, vendored in /assets/vendor/uplot): sparklines, the zoomable history chart, the OEE trend.
import uPlot from '../vendor/uplot/uPlot.esm.js';

const ACCENT = '#0b5cad';

export function sparkline(element, points) {
  return new uPlot({
    width: 140, height: 36, pxAlign: false,
    cursor: { show: false }, legend: { show: false }, select: { show: false },
    scales: { x: { time: false } },
    axes: [{ show: false }, { show: false }],
    series: [{}, { stroke: ACCENT, width: 1.5, points: { show: false } }],
  }, points, element);
}

/**
 * Time series chart, shown over [from, to] (epoch seconds) when given; drag across it to zoom in, double-click to
 * zoom out. onZoom() is told when the user zooms; y is uPlot's y scale (e.g. a fixed range).
 */
export function historyChart(element, title, series, data, from = null, to = null, onZoom = () => {}, y = {}) {
  const chart = new uPlot({
    title, width: Math.max(300, element.clientWidth - 8), height: 260,
    cursor: { drag: { x: true, y: false } },
    scales: { x: { time: true }, y },
    hooks: { setSelect: [u => { if (u.select.width > 0) onZoom(); }] },
    series: [{}, ...series.map((s, i) => ({ label: s, stroke: ['#0b5cad', '#9a6700', '#1a7f37', '#c62828'][i % 4], width: 1.5 }))],
  }, data, element);
  if (from != null && to != null) chart.setScale('x', { min: from, max: to });
  return chart;
}
