import type { Store } from '../../store/store.js';
import { formatDate } from '../charts.js';
import { actorFacts, actorHref, issueHref, quoteItem, searchForm } from '../fragments.js';
import { html } from '../html.js';
import { emptyNote, page } from '../layout.js';

/** The home page: what the store holds, a search box, the latest quotes, the most quoted actors, the issues. */
export async function homePage(store: Store): Promise<string> {
  const [stats, latest, actors, issues] = await Promise.all([
    store.stats(),
    store.quotes({ sort: 'published', limit: 8 }),
    store.actors({ sort: 'quotes', limit: 12 }),
    store.issues({ limit: 50 }),
  ]);
  if (!stats.articles) {
    return page({
      title: 'Home',
      section: 'none',
      body: html`<h1>Nothing stored yet</h1>
<div class="card"><p>This store holds no articles. Add some with</p>
<pre>attache ingest examples/articles --db ${store.location}</pre>
<p class="muted">or POST them to <code>/api/ingest</code> with the server's token.</p></div>`,
    });
  }
  const span = stats.firstPublished ? `${formatDate(stats.firstPublished)} – ${formatDate(stats.lastPublished)}` : '';
  const stat = (n: number, label: string, link?: string) => html`<div>${link ? html`<a href="${link}"><b>${n}</b></a>` : html`<b>${n}</b>`}<span class="muted small">${label}</span></div>`;
  return page({
    title: 'Home',
    section: 'none',
    body: html`<h1>Who said what, to whom, and where they stand</h1>
<p class="muted">${span ? html`Articles from ${span}.` : ''}</p>
<div class="stats">${stat(stats.articles, 'articles', '/articles')}${stat(stats.quotes, 'quotes', '/search')}${stat(stats.statements, 'statements')}${stat(stats.actors, 'actors', '/actors')}${stat(stats.events, 'events', '/events')}${stat(stats.stances, 'stances', '/issues')}</div>
<div class="card">${searchForm({}, issues.items)}</div>
<div class="two">
<section class="card"><h2>Latest quotes</h2>${latest.items.length ? latest.items.map((q) => quoteItem(q)) : emptyNote('No quotes found yet: the quotes component has not produced any for these articles.')}
<p><a href="/search">All quotes →</a></p></section>
<div>
<section class="card"><h2>Most quoted</h2>${
      actors.items.length
        ? html`<table><tbody>${actors.items.map(
            (a) => html`<tr><td><a href="${actorHref(a.id)}">${a.name}</a><div class="small muted">${actorFacts(a)}</div></td><td class="num">${a.quoteCount}</td></tr>`,
          )}</tbody></table><p><a href="/actors">All actors →</a></p>`
        : emptyNote('No actors yet: the actors component has not produced any.')
    }</section>
<section class="card"><h2>Issues</h2>${
      issues.items.length
        ? html`<ul>${issues.items.map((i) => html`<li><a href="${issueHref(i.id)}">${i.label ?? i.id}</a> <span class="small muted">${i.actorCount} actors, ${i.stanceCount} stances</span></li>`)}</ul>`
        : emptyNote('No stances yet: the stances component has not produced any.')
    }</section>
</div>
</div>`,
  });
}
