import { quotesQuery } from '../../server/api-schemas.js';
import type { Store } from '../../store/store.js';
import { quoteItem, searchForm, statementItem } from '../fragments.js';
import { html } from '../html.js';
import { emptyNote, page, pager } from '../layout.js';
import { pageQuery, PER_PAGE } from '../page-params.js';

/** Quote search: full text and filters, paged; statements that match the same words beside it. */
export async function searchPage(store: Store, url: URL): Promise<string> {
  const { query, raw, page: pageNo } = pageQuery(url, quotesQuery);
  const searching = !!(query.q || query.speaker || query.country || query.issue || query.from || query.to);
  const [quotes, statements, issues] = await Promise.all([
    store.quotes({ ...query, sort: query.sort ?? (query.q ? 'relevance' : 'published') }),
    query.q || query.speaker || query.country
      ? store.statements({ q: query.q, speaker: query.speaker, country: query.country, from: query.from, to: query.to, limit: 8 })
      : Promise.resolve({ items: [], total: 0 }),
    store.issues({ limit: 100 }),
  ]);
  const what = query.q ? html` for “${query.q}”` : '';
  return page({
    title: query.q ? `“${query.q}”` : 'Quotes',
    section: 'search',
    body: html`<h1>Quotes${what}</h1>
<div class="card">${searchForm(raw, issues.items)}</div>
<div class="two">
<section class="card" id="quotes"><h2>${quotes.total} ${quotes.total === 1 ? 'quote' : 'quotes'}</h2>
${quotes.items.length ? quotes.items.map((q) => quoteItem(q)) : emptyNote(searching ? 'No quote matches. Try fewer words or filters.' : 'No quotes stored yet.')}
${pager(quotes.total, (pageNo - 1) * PER_PAGE, PER_PAGE, '/search', raw)}
</section>
<section class="card" id="statements"><h2>Statements</h2>
${
  statements.items.length
    ? html`<p class="small muted">The same claim, however often and in whatever words it was carried.</p>${statements.items.map(statementItem)}`
    : emptyNote(searching ? 'No statement matches.' : 'Search for words or a speaker to see their statements.')
}
</section>
</div>`,
  });
}
