import { actorQuery, actorsQuery } from '../../server/api-schemas.js';
import { HttpError } from '../../server/http-error.js';
import type { Store } from '../../store/store.js';
import { formatDate, stackedBars, stanceTimeline } from '../charts.js';
import { actorFacts, actorHref, articleHref, eventTable, issueHref, quoteItem, stanceChip } from '../fragments.js';
import { href, html } from '../html.js';
import { emptyNote, page, pager } from '../layout.js';
import { pageQuery, plainQuery, PER_PAGE } from '../page-params.js';

/** The list of actors, searchable by name and filtered by country and kind. */
export async function actorsPage(store: Store, url: URL): Promise<string> {
  const { query, raw, page: pageNo } = pageQuery(url, actorsQuery);
  const actors = await store.actors({ ...query, sort: query.sort ?? 'quotes' });
  return page({
    title: 'Actors',
    section: 'actors',
    body: html`<h1>Actors</h1>
<div class="card"><form class="search" method="get" action="/actors">
<label>Name<input type="search" name="q" value="${raw.q ?? ''}" placeholder="e.g. Peskov"></label>
<label>Country<input name="country" value="${raw.country ?? ''}" placeholder="RUS" size="5"></label>
<label>Sort<select name="sort">${(['quotes', 'mentions', 'events', 'name'] as const).map((s) => html`<option${(query.sort ?? 'quotes') === s ? html` selected` : ''}>${s}</option>`)}</select></label>
<button type="submit">Filter</button></form></div>
<section class="card">${
      actors.items.length
        ? html`<table><thead><tr><th>Actor</th><th>Kind</th><th class="num">Articles</th><th class="num">Quotes</th><th class="num">Events</th><th>Seen</th></tr></thead><tbody>${actors.items.map(
            (a) => html`<tr><td><a href="${actorHref(a.id)}">${a.name}</a><div class="small muted">${actorFacts(a)}</div></td><td class="small">${a.kind}${a.sector ? html` · ${a.sector}` : ''}</td>
<td class="num">${a.articleCount}</td><td class="num">${a.quoteCount}</td><td class="num">${a.eventCount}</td><td class="small">${formatDate(a.firstSeen)}${a.lastSeen && a.lastSeen !== a.firstSeen ? html` – ${formatDate(a.lastSeen)}` : ''}</td></tr>`,
          )}</tbody></table>${pager(actors.total, (pageNo - 1) * PER_PAGE, PER_PAGE, '/actors', raw)}`
        : emptyNote(Object.keys(raw).length ? 'No actor matches.' : 'No actors yet: the actors component has not produced any.')
    }</section>`,
  });
}

/** One actor: who they are, quotes over time, stances per issue on a timeline, events both ways. */
export async function actorPage(store: Store, id: string, url: URL): Promise<string> {
  const { query } = plainQuery(url, actorQuery);
  const [actor, issues] = await Promise.all([store.actor(id, { period: query.period ?? 'week', eventLimit: query.eventLimit ?? 15 }), store.issues({ limit: 200 })]);
  if (!actor) throw new HttpError(404, `no actor with id "${id}"`);
  const label = new Map(issues.items.map((i) => [i.id, i.label ?? i.id]));
  const stanceIssues = Object.keys(actor.stances);
  const timeline = stanceTimeline(
    stanceIssues.map((issue) => ({
      label: label.get(issue) ?? issue,
      href: issueHref(issue),
      points: actor.stances[issue]!.map((p) => ({
        date: p.date,
        stance: p.stance,
        title: `${formatDate(p.date)}: ${p.stance}${p.evidence[0] ? ` — ${p.evidence[0]}` : ''}`,
        href: articleHref(p.articleId),
      })),
    })),
    `Stances of ${actor.name} over time`,
  );
  const quotesChart = stackedBars(
    actor.quotesOverTime.map((t) => ({ period: t.period, key: 'quotes', count: t.count })),
    () => '#1f4e8c',
    `Quotes by ${actor.name} over time`,
    { height: 90, width: 520, period: query.period ?? 'week' },
  );
  return page({
    title: actor.name,
    section: 'actors',
    body: html`<h1>${actor.name}</h1>
<p class="muted">${[actor.role, actor.country, actor.kind, actor.sector].filter(Boolean).join(' · ')}</p>
<div class="stats"><div><b>${actor.articleCount}</b><span class="muted small">articles</span></div><div><b>${actor.quoteCount}</b><span class="muted small">quotes</span></div>
<div><b>${actor.eventCount}</b><span class="muted small">events</span></div><div><b>${actor.mentionCount}</b><span class="muted small">mentions</span></div>
${actor.firstSeen ? html`<div><b>${formatDate(actor.firstSeen)}</b><span class="muted small">first seen</span></div>` : ''}${actor.lastSeen ? html`<div><b>${formatDate(actor.lastSeen)}</b><span class="muted small">last seen</span></div>` : ''}</div>
<section class="card"><h2>Stances per issue</h2>${
      stanceIssues.length
        ? html`${timeline}<table><tbody>${stanceIssues.map((issue) => {
            const pts = actor.stances[issue]!;
            const last = pts[pts.length - 1]!;
            return html`<tr><td><a href="${issueHref(issue)}">${label.get(issue) ?? issue}</a></td><td>now ${stanceChip(last.stance)} <span class="small muted">${formatDate(last.date)}</span></td>
<td class="small">${pts.map((p, i) => html`${i ? ' → ' : ''}${p.stance}`)}</td></tr>`;
          })}</tbody></table>`
        : emptyNote('No stances recorded for this actor yet.')
    }</section>
<div class="two">
<section class="card"><h2>Quotes over time</h2>${actor.quotesOverTime.length ? quotesChart : emptyNote('No quotes yet.')}
${actor.recentQuotes.map((q) => quoteItem(q, { showSpeaker: false }))}
${actor.quoteCount > actor.recentQuotes.length ? html`<p><a href="${href('/search', { speaker: actor.id })}">All ${actor.quoteCount} quotes →</a></p>` : ''}</section>
<section class="card"><h2>Facts</h2><dl class="facts">
<dt>Kind</dt><dd>${actor.kind}</dd>${actor.role ? html`<dt>Role</dt><dd>${actor.role}</dd>` : ''}${actor.country ? html`<dt>Country</dt><dd>${actor.country}</dd>` : ''}
${actor.sector ? html`<dt>Sector</dt><dd>${actor.sector}</dd>` : ''}${actor.kbId ? html`<dt>Knowledge base</dt><dd>${actor.kbId}</dd>` : ''}<dt>Id</dt><dd class="small">${actor.id}</dd>
</dl><p><a href="${href('/articles', { actor: actor.id })}">Articles that mention ${actor.name} →</a></p></section>
</div>
<section class="card"><h2>Events as actor (${actor.eventsAsActor.total})</h2>${actor.eventsAsActor.items.length ? eventTable(actor.eventsAsActor.items) : emptyNote('None yet.')}
${actor.eventsAsActor.total > actor.eventsAsActor.items.length ? html`<p><a href="${href('/events', { source: actor.id })}">All →</a></p>` : ''}</section>
<section class="card"><h2>Events as recipient (${actor.eventsAsRecipient.total})</h2>${actor.eventsAsRecipient.items.length ? eventTable(actor.eventsAsRecipient.items) : emptyNote('None yet.')}
${actor.eventsAsRecipient.total > actor.eventsAsRecipient.items.length ? html`<p><a href="${href('/events', { recipient: actor.id })}">All →</a></p>` : ''}</section>`,
  });
}
