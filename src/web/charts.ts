import type { StanceValue } from '../doc/records.js';
import { html, type SafeHtml } from './html.js';
import { STANCE_COLOURS } from './style.js';

/** Small server-drawn SVG charts. Every label passes through `html`, so names are escaped. */

const DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The start of an ISO date, month, year, date-time or interval, in ms (UTC); undefined when unreadable. */
export function dateMs(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s.split('/')[0]!.trim());
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

/** `2026-01-05` → `5 Jan 2026`; a month → `Jan 2026`; a year as is. */
export function formatDate(s: string | undefined): string {
  if (!s) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s.split('/')[0]!);
  if (!m) return s;
  if (!m[2]) return m[1]!;
  const mon = MONTHS[Number(m[2]) - 1] ?? m[2];
  return m[3] ? `${Number(m[3])} ${mon} ${m[1]}` : `${mon} ${m[1]}`;
}

function r1(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

/** Tick positions for a time axis: month starts over long ranges, Mondays over short ones. */
function timeTicks(min: number, max: number): { at: number; label: string }[] {
  const out: { at: number; label: string }[] = [];
  const d0 = new Date(min);
  if (max - min > 75 * DAY) {
    for (let y = d0.getUTCFullYear(), mo = d0.getUTCMonth() + 1; ; mo++) {
      const t = Date.UTC(y, mo, 1);
      if (t > max) break;
      const d = new Date(t);
      out.push({ at: t, label: `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` });
    }
  } else {
    const dow = (d0.getUTCDay() + 6) % 7;
    let t = Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth(), d0.getUTCDate()) - dow * DAY;
    const step = max - min > 35 * DAY ? 14 * DAY : 7 * DAY;
    for (; t <= max; t += step) {
      if (t < min) continue;
      const d = new Date(t);
      out.push({ at: t, label: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}` });
    }
  }
  return out;
}

export interface TimelinePoint {
  readonly date?: string | undefined;
  readonly stance: StanceValue;
  /** Tooltip text (plain). */
  readonly title: string;
  readonly href?: string;
}

export interface TimelineRow {
  readonly label: string;
  readonly href?: string;
  readonly points: readonly TimelinePoint[];
}

/** Stances on a time axis: one row per actor (or issue), a dot per stated position, a line for how long it held. */
export function stanceTimeline(rows: readonly TimelineRow[], ariaLabel: string): SafeHtml {
  const dated = rows.map((r) => ({ ...r, points: r.points.filter((p) => dateMs(p.date) !== undefined) })).filter((r) => r.points.length);
  if (!dated.length) return html``;
  const all = dated.flatMap((r) => r.points.map((p) => dateMs(p.date)!));
  let min = Math.min(...all);
  let max = Math.max(...all);
  if (max - min < 14 * DAY) {
    min -= 7 * DAY;
    max += 7 * DAY;
  }
  const pad = (max - min) * 0.04;
  min -= pad;
  max += pad;
  const W = 860;
  const left = 190;
  const right = 20;
  const rowH = 30;
  const top = 10;
  const H = top + dated.length * rowH + 40;
  const x = (t: number) => left + ((t - min) / (max - min)) * (W - left - right);
  const ticks = timeTicks(min, max);
  const rowsSvg = dated.map((r, i) => {
    const y = top + i * rowH + rowH / 2;
    const pts = [...r.points].sort((a, b) => dateMs(a.date)! - dateMs(b.date)!);
    const segs = pts.map((p, j) => {
      const next = pts[j + 1];
      const x1 = x(dateMs(p.date)!);
      const x2 = next ? x(dateMs(next.date)!) : W - right;
      return html`<line x1="${r1(x1)}" y1="${y}" x2="${r1(x2)}" y2="${y}" stroke="${STANCE_COLOURS[p.stance]}" stroke-width="${next ? 4 : 2}" stroke-opacity="${next ? 0.55 : 0.3}"/>`;
    });
    const dots = pts.map((p) => {
      const dot = html`<circle cx="${r1(x(dateMs(p.date)!))}" cy="${y}" r="6.5" fill="${STANCE_COLOURS[p.stance]}" stroke="#fff" stroke-width="1.5"><title>${p.title}</title></circle>`;
      return p.href ? html`<a href="${p.href}">${dot}</a>` : dot;
    });
    const label = r.label.length > 28 ? `${r.label.slice(0, 27)}…` : r.label;
    const text = html`<text x="${left - 10}" y="${y + 4}" text-anchor="end">${label}</text>`;
    return html`<g><line class="axis" x1="${left}" y1="${y}" x2="${W - right}" y2="${y}" stroke-dasharray="2 4"/>${r.href ? html`<a href="${r.href}">${text}</a>` : text}${segs}${dots}</g>`;
  });
  const axisY = top + dated.length * rowH + 6;
  const tickSvg = ticks.map(
    (t) => html`<line class="axis" x1="${r1(x(t.at))}" y1="${top}" x2="${r1(x(t.at))}" y2="${axisY}"/><text x="${r1(x(t.at))}" y="${axisY + 16}" text-anchor="middle">${t.label}</text>`,
  );
  const legend = (Object.keys(STANCE_COLOURS) as StanceValue[]).map(
    (s, i) => html`<circle cx="${left + i * 110 + 6}" cy="${axisY + 30}" r="5" fill="${STANCE_COLOURS[s]}"/><text x="${left + i * 110 + 16}" y="${axisY + 34}">${s}</text>`,
  );
  return html`<svg class="chart" viewBox="0 0 ${W} ${H + 12}" role="img" aria-label="${ariaLabel}">${tickSvg}${rowsSvg}${legend}</svg>`;
}

export interface BarDatum {
  readonly period: string;
  readonly key: string;
  readonly count: number;
}

/** Stacked bars per period (counts by type or by stance), with a legend; periods in date order. */
export function stackedBars(
  data: readonly BarDatum[],
  colours: (key: string) => string,
  ariaLabel: string,
  opts: { keyOrder?: readonly string[]; height?: number; width?: number; period?: 'day' | 'week' | 'month' | 'year' } = {},
): SafeHtml {
  const rows = data.filter((d) => d.count > 0);
  if (!rows.length) return html``;
  const distinct = [...new Set(rows.map((d) => d.period))].sort();
  const periods = opts.period ? fillPeriods(distinct, opts.period) : distinct;
  const keys = opts.keyOrder ? opts.keyOrder.filter((k) => rows.some((d) => d.key === k)) : [...new Set(rows.map((d) => d.key))].sort();
  const totals = periods.map((p) => rows.filter((d) => d.period === p).reduce((s, d) => s + d.count, 0));
  const maxTotal = Math.max(...totals, 1);
  const W = opts.width ?? 860;
  const left = 36;
  const top = 10;
  const plotH = opts.height ?? 170;
  const legendRows = Math.ceil(keys.length / Math.max(1, Math.floor((W - left) / 135)));
  const H = top + plotH + 28 + legendRows * 18 + 6;
  const slot = (W - left - 10) / periods.length;
  const bw = Math.min(48, slot * 0.7);
  const y = (v: number) => top + plotH - (v / maxTotal) * plotH;
  const step = niceStep(maxTotal);
  const grid: SafeHtml[] = [];
  for (let v = 0; v <= maxTotal; v += step) {
    grid.push(html`<line class="axis" x1="${left}" y1="${r1(y(v))}" x2="${W - 10}" y2="${r1(y(v))}" stroke-opacity="${v ? 0.5 : 1}"/><text x="${left - 6}" y="${r1(y(v) + 4)}" text-anchor="end">${v}</text>`);
  }
  const every = Math.ceil(periods.length / Math.max(1, Math.floor(W / 60)));
  const bars = periods.map((p, i) => {
    const cx = left + slot * i + slot / 2;
    let acc = 0;
    const parts = keys.map((k) => {
      const c = rows.filter((d) => d.period === p && d.key === k).reduce((s, d) => s + d.count, 0);
      if (!c) return html``;
      const y0 = y(acc + c);
      const h = y(acc) - y0;
      acc += c;
      return html`<rect x="${r1(cx - bw / 2)}" y="${r1(y0)}" width="${r1(bw)}" height="${r1(h)}" fill="${colours(k)}"><title>${formatDate(p)} · ${k}: ${c}</title></rect>`;
    });
    const label = i % every === 0 ? html`<text x="${r1(cx)}" y="${top + plotH + 16}" text-anchor="middle">${shortPeriod(p)}</text>` : html``;
    return html`<g>${parts}${label}</g>`;
  });
  const legend = keys.map((k, i) => {
    const perRow = Math.max(1, Math.floor((W - left) / 135));
    const lx = left + (i % perRow) * 135;
    const ly = top + plotH + 32 + Math.floor(i / perRow) * 18;
    return html`<rect x="${lx}" y="${ly}" width="10" height="10" fill="${colours(k)}"/><text x="${lx + 15}" y="${ly + 9}">${k}</text>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${ariaLabel}">${grid}${bars}${legend}</svg>`;
}

/**
 * Adds the empty periods between the first and the last, so a quiet week shows as a gap rather than
 * disappearing. Labels that do not fit the period, or more than 400 periods, are left as they are.
 */
export function fillPeriods(periods: readonly string[], period: 'day' | 'week' | 'month' | 'year'): string[] {
  if (periods.length < 2) return [...periods];
  const first = periods[0]!;
  const last = periods[periods.length - 1]!;
  const out: string[] = [];
  if (period === 'month' || period === 'year') {
    const re = period === 'month' ? /^\d{4}-\d{2}$/ : /^\d{4}$/;
    if (!periods.every((p) => re.test(p))) return [...periods];
    let [y, m] = first.split('-').map(Number) as [number, number | undefined];
    for (let i = 0; i < 400; i++) {
      const p = period === 'month' ? `${y}-${String(m).padStart(2, '0')}` : String(y);
      out.push(p);
      if (p >= last) return out;
      if (period === 'year') y++;
      else if (++m! > 12) {
        m = 1;
        y++;
      }
    }
    return [...periods];
  }
  if (!periods.every((p) => /^\d{4}-\d{2}-\d{2}$/.test(p))) return [...periods];
  const step = period === 'week' ? 7 * DAY : DAY;
  const t0 = dateMs(first)!;
  const t1 = dateMs(last)!;
  if ((t1 - t0) / step > 400) return [...periods];
  for (let t = t0; t <= t1; t += step) out.push(new Date(t).toISOString().slice(0, 10));
  const seen = new Set(out);
  return periods.every((p) => seen.has(p)) ? out : [...periods];
}

function niceStep(max: number): number {
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  for (const m of [1, 2, 5, 10]) if (m * mag >= raw) return Math.max(1, m * mag);
  return Math.max(1, 10 * mag);
}

function shortPeriod(p: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(p);
  if (!m) return p;
  const mon = MONTHS[Number(m[2]) - 1] ?? m[2];
  return m[3] ? `${Number(m[3])} ${mon}` : `${mon} ${m[1]!.slice(2)}`;
}

export interface NetNode {
  readonly id: string;
  readonly label: string;
  readonly degree: number;
  readonly href?: string;
}

export interface NetEdge {
  readonly source: string;
  readonly target: string;
  readonly count: number;
  readonly title: string;
  readonly colour: string;
}

/** Actor → recipient network on an ellipse: node size by degree, edge width by count, arrows to the recipient. */
export function networkChart(allNodes: readonly NetNode[], allEdges: readonly NetEdge[], ariaLabel: string, opts: { maxNodes?: number } = {}): SafeHtml {
  // The busiest actors only, so labels stay readable; edges among them.
  const nodes = [...allNodes].sort((a, b) => b.degree - a.degree || a.label.localeCompare(b.label)).slice(0, opts.maxNodes ?? 28);
  const keep = new Set(nodes.map((n) => n.id));
  const edges = allEdges.filter((e) => keep.has(e.source) && keep.has(e.target) && e.source !== e.target);
  if (!nodes.length || !edges.length) return html``;
  const W = 860;
  const H = nodes.length <= 6 ? 360 : 600;
  const cx = W / 2;
  const cy = H / 2;
  const rx = W / 2 - 170;
  const ry = H / 2 - 40;
  // The busiest actors are spread around the ellipse (golden-ratio strides), so they do not crowd one side.
  const slots: (NetNode | undefined)[] = new Array(nodes.length).fill(undefined);
  nodes.forEach((n, i) => {
    let k = Math.floor((i * 0.6180339887 * nodes.length) % nodes.length);
    while (slots[k]) k = (k + 1) % nodes.length;
    slots[k] = n;
  });
  const order = slots as NetNode[];
  const pos = new Map<string, { x: number; y: number; r: number; a: number }>();
  order.forEach((n, i) => {
    const a = (2 * Math.PI * i) / order.length - Math.PI / 2;
    pos.set(n.id, { x: cx + rx * Math.cos(a), y: cy + ry * Math.sin(a), r: 4 + Math.min(12, Math.sqrt(n.degree) * 2.5), a });
  });
  const maxCount = Math.max(...edges.map((e) => e.count));
  const lines = edges.map((e) => {
    const s = pos.get(e.source)!;
    const t = pos.get(e.target)!;
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const len = Math.hypot(dx, dy) || 1;
    // A slight curve so A→B and B→A stay apart.
    const mx = (s.x + t.x) / 2 - (dy / len) * 18;
    const my = (s.y + t.y) / 2 + (dx / len) * 18;
    const d = Math.hypot(t.x - mx, t.y - my) || 1;
    const ex = t.x - ((t.x - mx) / d) * (t.r + 3);
    const ey = t.y - ((t.y - my) / d) * (t.r + 3);
    const w = 1 + (3.5 * e.count) / maxCount;
    return html`<path d="M${r1(s.x)} ${r1(s.y)} Q${r1(mx)} ${r1(my)} ${r1(ex)} ${r1(ey)}" fill="none" stroke="${e.colour}" stroke-opacity="0.7" stroke-width="${r1(w)}" marker-end="url(#arrow)"><title>${e.title}</title></path>`;
  });
  const circles = order.map((n) => {
    const p = pos.get(n.id)!;
    const c = Math.cos(p.a);
    const anchor = c > 0.2 ? 'start' : c < -0.2 ? 'end' : 'middle';
    const lx = p.x + c * (p.r + 6);
    const ly = p.y + Math.sin(p.a) * (p.r + 8) + 4;
    const label = n.label.length > 24 ? `${n.label.slice(0, 23)}…` : n.label;
    const g = html`<circle cx="${r1(p.x)}" cy="${r1(p.y)}" r="${r1(p.r)}" fill="#1f4e8c" fill-opacity="0.85" stroke="#fff" stroke-width="1.5"><title>${n.label} (${n.degree} events)</title></circle><text x="${r1(lx)}" y="${r1(ly)}" text-anchor="${anchor}">${label}</text>`;
    return n.href ? html`<a href="${n.href}">${g}</a>` : g;
  });
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${ariaLabel}"><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#55606e"/></marker></defs>${lines}${circles}</svg>`;
}

/** One colour per PLOVER type, grouped by quad class (cooperation blues/greens, conflict oranges/reds). */
export const EVENT_COLOURS: Readonly<Record<string, string>> = {
  AGREE: '#1565c0', CONSULT: '#42a5f5', SUPPORT: '#26a69a', CONCEDE: '#80cbc4', COOPERATE: '#2e7d32', AID: '#66bb6a', RETREAT: '#9ccc65',
  REQUEST: '#7e57c2', ACCUSE: '#ffa726', REJECT: '#fb8c00', THREATEN: '#e65100', PROTEST: '#ffca28',
  SANCTION: '#8d6e63', MOBILIZE: '#ef5350', COERCE: '#c62828', ASSAULT: '#6a1b1a',
};

export function eventColour(type: string): string {
  return EVENT_COLOURS[type] ?? '#90a4ae';
}
