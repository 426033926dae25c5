import { articlesQuery } from '../../server/api-schemas.js';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type Store } from '../../store/store.js';
import { formatDate } from '../charts.js';
import { articleHref } from '../fragments.js';
import { html, snippetHtml } from '../html.js';
import { emptyNote, page, pager } from '../layout.js';
import { pageQuery, PER_PAGE } from '../page-params.js';

export async function articlesPage(store: Store, url: URL): Promise<string> {
  const { query, raw, page: pageNo } = pageQuery(url, articlesQuery);
  const list = await store.articles({ ...query, sort: query.sort ?? (query.q ? 'relevance' : 'published') });
  return page({
    title: 'Articles',
    section: 'articles',
    body: html`<h1>Articles</h1>
<div class="card"><form class="search" method="get" action="/articles">
<label>Words<input type="search" name="q" value="${raw.q ?? ''}" placeholder="headline or text"></label>
<label>From<input name="from" value="${raw.from ?? ''}" placeholder="2026-01" size="10"></label>
<label>To<input name="to" value="${raw.to ?? ''}" placeholder="2026-02" size="10"></label>
${raw.actor ? html`<input type="hidden" name="actor" value="${raw.actor}">` : ''}
<button type="submit">Search</button></form></div>
<section class="card">${
      list.items.length
        ? html`<table><thead><tr><th>Date</th><th>Headline</th><th class="num">Quotes</th><th class="num">Events</th><th class="num">Actors</th></tr></thead><tbody>${list.items.map(
            (a) => html`<tr><td class="small">${formatDate(a.published)}</td><td><a href="${articleHref(a.id)}">${a.headline ?? a.uri ?? a.id}</a>
<div class="small muted">${a.outlet ?? ''}</div>${a.snippet ? html`<div class="small">${snippetHtml(a.snippet, SNIPPET_OPEN, SNIPPET_CLOSE)}</div>` : ''}</td>
<td class="num">${a.quoteCount}</td><td class="num">${a.eventCount}</td><td class="num">${a.actorCount}</td></tr>`,
          )}</tbody></table>${pager(list.total, (pageNo - 1) * PER_PAGE, PER_PAGE, '/articles', raw)}`
        : emptyNote(Object.keys(raw).length ? 'No article matches.' : 'No articles stored yet.')
    }</section>`,
  });
}
