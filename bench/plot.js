/**
 * `npm run bench -- --plot`: the render case as an SVG line chart, rows on x and
 * milliseconds on y (both logarithmic: 100 to 5,000 rows, 20 ms to seconds), one
 * line per variant, median times labelled. Plain SVG, no dependency.
 */
const COLORS = { 'plain DOM': '#6b7280', 'trivial Lit ×2': '#2563eb', Shoelace: '#d97706', library: '#dc2626' };
const W = 680;
const H = 400;
const M = { top: 40, right: 170, bottom: 50, left: 84 };

/** @param {Record<string, [number, number][]>} series variant → [rows, ms] points */
export function renderChart(series, { title = 'Render time, n rows of pill + closed menu (median)', note = '' } = {}) {
  const points = Object.values(series).flat();
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [10 ** Math.floor(Math.log10(Math.min(...ys))), 10 ** Math.ceil(Math.log10(Math.max(...ys)))];
  const px = (x) => M.left + ((Math.log10(x) - Math.log10(x0)) / (Math.log10(x1) - Math.log10(x0) || 1)) * (W - M.left - M.right);
  const py = (y) => H - M.bottom - ((Math.log10(y) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0) || 1)) * (H - M.top - M.bottom);
  const esc = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${M.left}" y="22" font-size="14" font-weight="600">${esc(title)}</text>`,
  ];
  // Grid: every decade and its 2× and 5× on y; the measured row counts on x.
  for (let d = y0; d <= y1; d *= 10) {
    for (const f of [1, 2, 5]) {
      const y = d * f;
      if (y > y1) break;
      out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${py(y)}" y2="${py(y)}" stroke="#e5e7eb"/>`);
      out.push(`<text x="${M.left - 6}" y="${py(y) + 4}" text-anchor="end" fill="#374151">${y >= 1000 ? `${y / 1000} s` : `${y} ms`}</text>`);
    }
  }
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    out.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${px(x)}" y="${H - M.bottom + 18}" text-anchor="middle" fill="#374151">${x.toLocaleString('en-US')}</text>`);
  }
  out.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 10}" text-anchor="middle" fill="#111827">rows (log scale)</text>`);
  out.push(`<text transform="translate(18 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle" fill="#111827">ms to rendered and painted (log)</text>`);
  let legend = M.top + 8;
  // End labels, nudged apart where lines end close together.
  const ends = Object.entries(series)
    .map(([name, pts]) => [name, [...pts].sort((a, b) => a[0] - b[0]).at(-1)])
    .map(([name, [x, y]]) => ({ name, x, y, at: py(y) }))
    .sort((a, b) => a.at - b.at);
  for (let i = 1; i < ends.length; i++) if (ends[i].at - ends[i - 1].at < 13 && ends[i].x === ends[i - 1].x) ends[i].at = ends[i - 1].at + 13;
  const endAt = new Map(ends.map((e) => [e.name, e.at]));
  for (const [name, pts] of Object.entries(series)) {
    const color = COLORS[name] ?? '#111827';
    const sorted = [...pts].sort((a, b) => a[0] - b[0]);
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${sorted.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ')}"/>`);
    for (const [x, y] of sorted) {
      out.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3.5" fill="${color}"><title>${esc(name)}: ${x} rows, ${y.toFixed(1)} ms</title></circle>`);
    }
    const [lx, ly] = sorted[sorted.length - 1];
    out.push(`<text x="${px(lx) + 6}" y="${endAt.get(name) + 4}" fill="${color}" font-size="11">${ly >= 100 ? ly.toFixed(0) : ly.toFixed(1)} ms</text>`);
    out.push(`<line x1="${W - M.right + 62}" x2="${W - M.right + 80}" y1="${legend}" y2="${legend}" stroke="${color}" stroke-width="2"/>`);
    out.push(`<text x="${W - M.right + 84}" y="${legend + 4}" fill="#111827">${esc(name)}</text>`);
    legend += 18;
  }
  if (note) out.push(`<text x="${M.left}" y="${M.top - 4}" fill="#6b7280" font-size="11">${esc(note)}</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}
