// Small SVG charts of counts. Each one is a figure whose numbers are also a table, so a screen
// reader or a keyboard user gets the same data as the picture.
import { h } from 'preact';
import htm from 'htm';
import { number } from './format.js';

const html = htm.bind(h);

const W = 640;

/** 1, 2 or 5 times a power of ten, at least n: round axis tops. */
function niceCeil(n) {
  if (n <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

function shortDay(day) {
  return day.slice(5);
}

function Legend({ series }) {
  if (series.length < 2) return null;
  return html`<ul class="legend" aria-hidden="true">
    ${series.map((s, i) => html`<li key=${s.key}><span class=${`swatch s${s.tone ?? i}`}></span>${s.label}</li>`)}
  </ul>`;
}

function NumbersTable({ caption, head, rows }) {
  return html`<details class="numbers">
    <summary>Numbers: ${caption}</summary>
    <table>
      <thead>
        <tr>
          ${head.map((c) => html`<th scope="col" key=${c}>${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr key=${r[0]}>
              ${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}
            </tr>`,
        )}
      </tbody>
    </table>
  </details>`;
}

/**
 * Counts per day as columns, stacked by series.
 * days: every day to show; series: [{ key, label, tone? }] (tone: colour index); counts: Map(day → { [key]: n }).
 */
export function DayChart({ id, title, days, series, counts }) {
  const H = 200;
  const m = { left: 44, right: 8, top: 10, bottom: 26 };
  const plotW = W - m.left - m.right;
  const plotH = H - m.top - m.bottom;
  const totalOf = (day) => series.reduce((a, s) => a + (counts.get(day)?.[s.key] ?? 0), 0);
  const total = days.reduce((a, d) => a + totalOf(d), 0);
  const top = niceCeil(Math.max(0, ...days.map(totalOf)));
  const y = (v) => m.top + plotH - (v / top) * plotH;
  const step = days.length ? plotW / days.length : plotW;
  const barW = Math.max(1, step - Math.min(4, step * 0.25));
  const labelled = new Set(days.length <= 8 ? days : [days[0], days[Math.floor(days.length / 2)], days[days.length - 1]]);
  const summary = `${title}: ${number(total)} in ${days.length} days (UTC)`;

  return html`<figure class="chart" aria-labelledby=${`${id}-caption`}>
    <figcaption id=${`${id}-caption`}>
      <span class="chart-title">${title}</span> <span class="chart-total" data-testid=${`${id}-total`}>${number(total)}</span>
    </figcaption>
    <${Legend} series=${series} />
    <svg viewBox=${`0 0 ${W} ${H}`} role="img" aria-label=${summary} class="plot">
      ${[0, top / 2, top].map(
        (v) =>
          html`<g key=${v} class="grid">
            <line x1=${m.left} x2=${W - m.right} y1=${y(v)} y2=${y(v)} />
            <text x=${m.left - 6} y=${y(v) + 4} text-anchor="end">${number(v)}</text>
          </g>`,
      )}
      ${days.map((day, i) => {
        let acc = 0;
        const x = m.left + i * step + (step - barW) / 2;
        return html`<g key=${day}>
          ${series.map((s, k) => {
            const v = counts.get(day)?.[s.key] ?? 0;
            if (!v) return null;
            const rect = html`<rect class=${`bar s${s.tone ?? k}`} x=${x} width=${barW} y=${y(acc + v)} height=${y(acc) - y(acc + v)}>
              <title>${day}: ${number(v)} ${s.label.toLowerCase()}</title>
            </rect>`;
            acc += v;
            return rect;
          })}
          ${labelled.has(day) ? html`<text class="tick" x=${m.left + i * step + step / 2} y=${H - 8} text-anchor="middle">${shortDay(day)}</text>` : null}
        </g>`;
      })}
      ${total === 0 ? html`<text class="empty" x=${m.left + plotW / 2} y=${m.top + plotH / 2} text-anchor="middle">Nothing in this period</text>` : null}
    </svg>
    <${NumbersTable}
      caption=${title}
      head=${['Day (UTC)', ...series.map((s) => s.label)]}
      rows=${days.filter((d) => totalOf(d) > 0).map((d) => [d, ...series.map((s) => number(counts.get(d)?.[s.key] ?? 0))])}
    />
  </figure>`;
}

/** Counts per category as horizontal bars, largest first. items: [{ label, count }]. */
export function CategoryChart({ id, title, labelHead, items }) {
  const sorted = [...items].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const rowH = 24;
  const m = { left: 150, right: 70, top: 4 };
  const H = Math.max(40, m.top * 2 + sorted.length * rowH);
  const top = Math.max(1, ...sorted.map((i) => i.count));
  const plotW = W - m.left - m.right;
  const total = sorted.reduce((a, i) => a + i.count, 0);

  return html`<figure class="chart" aria-labelledby=${`${id}-caption`}>
    <figcaption id=${`${id}-caption`}>
      <span class="chart-title">${title}</span> <span class="chart-total" data-testid=${`${id}-total`}>${number(total)}</span>
    </figcaption>
    <svg
      viewBox=${`0 0 ${W} ${H}`}
      role="img"
      aria-label=${`${title}: ${sorted.map((i) => `${i.label} ${i.count}`).join(', ') || 'none'}`}
      class="plot"
    >
      ${sorted.map((item, i) => {
        const w = Math.max(1, (item.count / top) * plotW);
        const yy = m.top + i * rowH;
        return html`<g key=${item.label}>
          <text class="label" x=${m.left - 8} y=${yy + rowH / 2 + 4} text-anchor="end"
            >${item.label.length > 20 ? item.label.slice(0, 19) + '…' : item.label}</text
          >
          <rect class="bar s0" x=${m.left} y=${yy + 3} width=${w} height=${rowH - 6}
            ><title>${item.label}: ${number(item.count)}</title></rect
          >
          <text class="value" x=${m.left + w + 6} y=${yy + rowH / 2 + 4}>${number(item.count)}</text>
        </g>`;
      })}
      ${sorted.length === 0 ? html`<text class="empty" x=${W / 2} y=${H / 2 + 4} text-anchor="middle">Nothing in this period</text>` : null}
    </svg>
    <${NumbersTable} caption=${title} head=${[labelHead, 'Events']} rows=${sorted.map((i) => [i.label, number(i.count)])} />
  </figure>`;
}
