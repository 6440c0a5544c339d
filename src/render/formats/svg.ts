// Horizontal stacked bar charts as inline SVG: no script, no font or network
// request; labels are escaped like every other text from the data.
import stringWidth from 'string-width';
import { printable } from '../../core/text.js';
import type { Chart } from '../doc.js';

export function escapeHtml(s: string): string {
  return printable(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const ROW = 26;
const BAR = 18;
const WIDTH = 640;
const FONT = 13;
/** Label column width from the widest label: a CJK character is about one font size wide. */
const labelWidth = (chart: Chart) => Math.min(220, Math.max(48, ...chart.bars.map((b) => (stringWidth(b.label) * FONT) / 2 + 12)));

export function barChartSvg(chart: Chart): string {
  const names = [...new Map(chart.bars.flatMap((b) => b.segments.map((s) => [s.name, s.color] as const))).entries()];
  const left = labelWidth(chart);
  const plot = WIDTH - left - 56;
  const max = Math.max(1, ...chart.bars.map((b) => b.segments.reduce((n, s) => n + s.value, 0)));
  const legendH = names.length > 1 ? ROW : 0;
  const height = legendH + chart.bars.length * ROW + 8;
  const parts: string[] = [];
  let lx = left;
  if (legendH) {
    for (const [name, color] of names) {
      parts.push(`<rect x="${lx}" y="4" width="12" height="12" fill="${color}"/><text x="${lx + 16}" y="15">${escapeHtml(name)}</text>`);
      lx += 16 + (stringWidth(name) * FONT) / 2 + 20;
    }
  }
  chart.bars.forEach((b, i) => {
    const y = legendH + i * ROW + 4;
    parts.push(`<text class="label" x="${left - 8}" y="${y + BAR - 4}" text-anchor="end">${escapeHtml(b.label)}</text>`);
    let x = left;
    for (const s of b.segments) {
      const w = (s.value / max) * plot;
      if (w > 0)
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${s.color}"><title>${escapeHtml(`${b.label} ${s.name}: ${s.value}`)}</title></rect>`,
        );
      x += w;
    }
    const total = b.segments.map((s) => s.value).join(' / ');
    parts.push(`<text class="value" x="${(x + 6).toFixed(1)}" y="${y + BAR - 4}">${escapeHtml(total)}</text>`);
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${escapeHtml(chart.caption)}" ` +
    `viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-size="${FONT}">${parts.join('')}</svg>`
  );
}
