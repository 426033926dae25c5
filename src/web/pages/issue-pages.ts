import type { StanceValue } from '../../doc/records.js';
import { issueQuery, issuesQuery } from '../../server/api-schemas.js';
import { HttpError } from '../../server/http-error.js';
import type { Store } from '../../store/store.js';
import { formatDate, stackedBars, stanceTimeline } from '../charts.js';
import { actorHref, actorLink, articleHref, issueHref, stanceChip } from '../fragments.js';
import { html } from '../html.js';
import { emptyNote, page, pager } from '../layout.js';
import { pageQuery, plainQuery, PER_PAGE } from '../page-params.js';
import { STANCE_COLOURS } from '../style.js';

const ORDER: readonly StanceValue[] = ['support', 'conditional', 'neutral', 'oppose'];

export async function issuesPage(store: Store, url: URL): Promise<string> {
  const { query, raw, page: pageNo } = pageQuery(url, issuesQuery);
  const issues = await store.issues(query);
  return page({
    title: 'Issues',
    section: 'issues',
    body: html`<h1>Issues</h1>
<section class="card">${
      issues.items.length
        ? html`<table><thead><tr><th>Issue</th><th class="num">Actors</th><th class="num">Stances</th><th>Last seen</th></tr></thead><tbody>${issues.items.map(
            (i) => html`<tr><td><a href="${issueHref(i.id)}">${i.label ?? i.id}</a>${i.proposition ? html`<div class="small muted">${i.proposition}</div>` : ''}</td>
<td class="num">${i.actorCount}</td><td class="num">${i.stanceCount}</td><td class="small">${formatDate(i.lastSeen)}</td></tr>`,
          )}</tbody></table>${pager(issues.total, (pageNo - 1) * PER_PAGE, PER_PAGE, '/issues', raw)}`
        : emptyNote('No issues with stances yet: the stances component has not produced any.')
    }</section>`,
  });
}

/** One issue: who stands where now, how each position moved (timeline), stances per period. */
export async function issuePage(store: Store, id: string, url: URL): Promise<string> {
  const { query } = plainQuery(url, issueQuery);
  const [issue, recent] = await Promise.all([
    store.issue(id, { period: query.period ?? 'week', from: query.from, to: query.to }),
    store.stances({ issue: id, from: query.from, to: query.to, limit: 30 }),
  ]);
  if (!issue) throw new HttpError(404, `no issue with id "${id}"`);
  const title = issue.label ?? issue.id;
  const byStance = ORDER.map((s) => ({ s, list: issue.positions.filter((p) => p.stance === s) }));
  const changed = issue.positions.filter((p) => new Set(p.history.map((h) => h.stance)).size > 1);
  const timeline = stanceTimeline(
    [...issue.positions]
      .sort((a, b) => ORDER.indexOf(a.stance) - ORDER.indexOf(b.stance) || a.actor.name.localeCompare(b.actor.name))
      .map((p) => ({
        label: p.actor.name,
        href: actorHref(p.actor.id),
        points: p.history.map((h) => ({
          date: h.date,
          stance: h.stance,
          title: `${p.actor.name}, ${formatDate(h.date)}: ${h.stance}${h.evidence[0] ? ` — ${h.evidence[0]}` : ''}`,
          href: articleHref(h.articleId),
        })),
      })),
    `Positions on ${title} over time`,
  );
  const bars = stackedBars(
    issue.overTime.map((t) => ({ period: t.period, key: t.stance, count: t.count })),
    (k) => STANCE_COLOURS[k as StanceValue] ?? '#999',
    `Stances on ${title} per week`,
    { keyOrder: ORDER, height: 130, period: query.period ?? 'week' },
  );
  return page({
    title,
    section: 'issues',
    body: html`<h1>${title}</h1>
${issue.proposition ? html`<p class="muted">Proposition: “${issue.proposition}”</p>` : ''}
${
  issue.positions.length
    ? html`<section class="card"><h2>Where they stand now</h2>
<div class="grid">${byStance.map(
        ({ s, list }) => html`<div><h3>${stanceChip(s)} ${list.length}</h3>${
          list.length
            ? html`<ul>${list.map((p) => html`<li>${actorLink(p.actor)} <span class="small muted">since ${formatDate(p.date)}</span></li>`)}</ul>`
            : html`<p class="small muted">nobody</p>`
        }</div>`,
      )}</div></section>
<section class="card"><h2>How positions changed</h2>${timeline || emptyNote('The stances have no dates to place on a timeline.')}
${
  changed.length
    ? html`<h3>Changed position</h3><ul>${changed.map(
        (p) => html`<li>${actorLink(p.actor)}: ${p.history.map((h, i) => html`${i ? ' → ' : ''}${stanceChip(h.stance)} <span class="small muted">${formatDate(h.date)}</span>`)}</li>`,
      )}</ul>`
    : html`<p class="small muted">Nobody has changed position in the stored articles.</p>`
}</section>
<section class="card"><h2>Stances over time</h2>${bars}</section>`
    : html`<section class="card">${emptyNote('No stances on this issue yet.')}</section>`
}
<section class="card"><h2>Latest evidence</h2>${
      recent.items.length
        ? html`<table><tbody>${recent.items.map(
            (s) => html`<tr><td class="small">${formatDate(s.date ?? s.published)}</td><td>${actorLink(s.actor)}</td><td>${stanceChip(s.stance)}</td>
<td class="small">${s.evidence.slice(0, 2).map((e, i) => html`${i ? ' … ' : ''}“${e}”`)}<div><a href="${articleHref(s.articleId)}">${s.headline ?? 'article'}</a></div></td></tr>`,
          )}</tbody></table>`
        : emptyNote('None yet.')
    }</section>`,
  });
}
