import { html, href, type HtmlValue, type SafeHtml } from './html.js';

export type Section = 'search' | 'articles' | 'actors' | 'issues' | 'events' | 'none';

const NAV: readonly [Section, string, string][] = [
  ['search', '/search', 'Quotes'],
  ['articles', '/articles', 'Articles'],
  ['actors', '/actors', 'Actors'],
  ['issues', '/issues', 'Issues'],
  ['events', '/events', 'Events'],
];

/** The page shell: no script anywhere, one stylesheet from our own origin. */
export function page(opts: { title: string; section: Section; body: HtmlValue }): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${opts.title} · Attaché</title>
<link rel="stylesheet" href="/assets/app.css">
<link rel="icon" href="data:,">
</head>
<body>
<header class="top"><div class="wrap">
<a class="brand" href="/">Attaché</a>
${NAV.map(([s, path, label]) => html`<a href="${path}"${s === opts.section ? html` class="on"` : ''}>${label}</a>`)}
<a href="/api/openapi.json" class="small">API</a>
</div></header>
<main class="wrap">
${opts.body}
</main>
<footer class="foot">Attaché — who said what, to whom, when, and where they stand. Every fact links back to the words it was read from.</footer>
</body>
</html>
`.value;
}

/** Prev / next links for a paged list; `base` keeps the other query parameters. */
export function pager(total: number, offset: number, limit: number, path: string, base: Record<string, string | undefined>): SafeHtml {
  if (total <= limit && offset === 0) return html``;
  const pageNo = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  const link = (p: number) => href(path, { ...base, page: p > 1 ? p : undefined });
  return html`<nav class="pager" aria-label="pages">
${pageNo > 1 ? html`<a href="${link(pageNo - 1)}" rel="prev">← previous</a>` : ''}
<span class="muted">page ${pageNo} of ${pages} · ${total} in all</span>
${pageNo < pages ? html`<a href="${link(pageNo + 1)}" rel="next">next →</a>` : ''}
</nav>`;
}

export function emptyNote(text: string): SafeHtml {
  return html`<p class="empty">${text}</p>`;
}
