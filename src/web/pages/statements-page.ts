import { statementsQuery } from '../../server/api-schemas.js';
import type { Store } from '../../store/store.js';
import { statementItem } from '../fragments.js';
import { html } from '../html.js';
import { emptyNote, page, pager } from '../layout.js';
import { pageQuery, PER_PAGE } from '../page-params.js';

/** Statements, newest first; with `group`, every article that carried one remark, in whatever words. */
export async function statementsPage(store: Store, url: URL): Promise<string> {
  const { query, raw, page: pageNo } = pageQuery(url, statementsQuery);
  const list = await store.statements(query);
  const title = query.group ? 'One statement across articles' : 'Statements';
  return page({
    title,
    section: 'search',
    body: html`<h1>${title}</h1>
<section class="card"><h2>${list.total} ${list.total === 1 ? 'wording' : 'wordings'}</h2>
${
  list.items.length
    ? html`<p class="small muted">Grouped when one speaker says the same thing: a verbatim part, another translation or a close paraphrase.</p>${list.items.map(statementItem)}`
    : emptyNote('No statement matches.')
}
${pager(list.total, (pageNo - 1) * PER_PAGE, PER_PAGE, '/statements', raw)}
</section>`,
  });
}
