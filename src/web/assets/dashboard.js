// The dashboard's charts (templates/web/dashboard.html): reads GET /api/v1/stats/dashboard and
// draws two uPlot charts, violations per day and zone over the last 30 days, and letters sent
// and payments received per week over the last 12 weeks. The series names come from the chart
// elements' data attributes (templates/web/i18n.tsv), so this file holds no text of its own.
(function () {
  'use strict';
  const palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2',
    '#17becf'];

  function unixDays(isoDays) {
    return isoDays.map((d) => Date.parse(d + 'T12:00:00Z') / 1000);
  }

  // dd/mm, as the screens write a day (the year only where it changes is not worth it here).
  function dayMonth(t) {
    const d = new Date(t * 1000);
    return String(d.getUTCDate()).padStart(2, '0') + '/' + String(d.getUTCMonth() + 1).padStart(2, '0');
  }

  function xSeries(label) {
    return { label: label, value: (u, v) => (v == null ? '--' : dayMonth(v)) };
  }

  const xAxis = { values: (u, ticks) => ticks.map(dayMonth) };
  // Counts: whole-number steps only.
  const yAxis = { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 50000],
    values: (u, ticks) => ticks.map((n) => n.toFixed(0)) };

  function width(el) {
    return Math.max(320, el.clientWidth || 800);
  }

  function violationsChart(el, stats) {
    const v = stats.violations;
    const x = unixDays(v.days);
    const series = [xSeries(el.dataset.x)];
    const data = [x];
    v.zones.forEach((z, i) => {
      series.push({ label: z.zone_id, stroke: palette[i % palette.length], width: 2 });
      data.push(z.counts);
    });
    if (v.zones.length === 0) {
      series.push({ label: el.dataset.empty || '', stroke: '#999' });
      data.push(x.map(() => 0));
    }
    return new uPlot({ width: width(el), height: 260, series: series,
      scales: { x: { time: true } }, axes: [xAxis, yAxis] }, data, el);
  }

  function activityChart(el, stats) {
    const w = stats.weeks;
    const data = [unixDays(w.starts), w.letters, w.payments];
    const bars = uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.4] }) : undefined;
    return new uPlot({ width: width(el), height: 260,
      series: [xSeries(el.dataset.x), { label: el.dataset.letters, stroke: palette[0], fill: palette[0] + '80', paths: bars },
        { label: el.dataset.payments, stroke: palette[2], fill: palette[2] + '80', paths: bars }],
      // Half a week either side, so that the first and last bars are whole.
      scales: { x: { time: true, range: (u, min, max) => [min - 3.5 * 86400, max + 3.5 * 86400] } },
      axes: [xAxis, yAxis] }, data, el);
  }

  function start() {
    const violations = document.getElementById('chart-violations');
    const activity = document.getElementById('chart-activity');
    if (!violations || !activity || typeof uPlot === 'undefined') return;
    fetch(violations.dataset.src, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status))))
      .then((stats) => {
        violationsChart(violations, stats);
        activityChart(activity, stats);
        document.body.dataset.chartsReady = 'true';
      })
      .catch((e) => {
        violations.textContent = String(e);
      });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
