import type { Reply, Router } from '../server/router.js';
import type { Store } from '../store/store.js';
import { html } from './html.js';
import { page } from './layout.js';
import { actorPage, actorsPage } from './pages/actor-pages.js';
import { articlesPage } from './pages/article-list-page.js';
import { articlePage } from './pages/article-page.js';
import { eventsPage } from './pages/events-page.js';
import { homePage } from './pages/home-page.js';
import { issuePage, issuesPage } from './pages/issue-pages.js';
import { searchPage } from './pages/search-page.js';
import { statementsPage } from './pages/statements-page.js';
import { APP_CSS } from './style.js';

function htmlReply(body: string, status = 200): Reply {
  return { status, type: 'text/html; charset=utf-8', body };
}

/** Registers the dashboard's pages and its stylesheet. */
export function mountDashboard(router: Router, store: Store): void {
  router
    .get('/', async () => htmlReply(await homePage(store)))
    .get('/search', async (c) => htmlReply(await searchPage(store, c.url)))
    .get('/statements', async (c) => htmlReply(await statementsPage(store, c.url)))
    .get('/articles', async (c) => htmlReply(await articlesPage(store, c.url)))
    .get('/articles/:id', async (c) => htmlReply(await articlePage(store, c.params.id!)))
    .get('/actors', async (c) => htmlReply(await actorsPage(store, c.url)))
    .get('/actors/:id', async (c) => htmlReply(await actorPage(store, c.params.id!, c.url)))
    .get('/issues', async (c) => htmlReply(await issuesPage(store, c.url)))
    .get('/issues/:id', async (c) => htmlReply(await issuePage(store, c.params.id!, c.url)))
    .get('/events', async (c) => htmlReply(await eventsPage(store, c.url)))
    .get('/assets/app.css', () => ({ status: 200, type: 'text/css; charset=utf-8', body: APP_CSS, headers: { 'Cache-Control': 'public, max-age=3600' } }));
}

/** The HTML page for an error: status and message, escaped like everything else. */
export function errorPage(status: number, message: string): string {
  const title = status === 404 ? 'Not found' : status >= 500 ? 'Something went wrong' : 'Cannot show this page';
  return page({
    title,
    section: 'none',
    body: html`<h1>${title}</h1><div class="card"><p>${message}</p><p><a href="/">Back to the start page</a></p></div>`,
  });
}
