import { PLOVER_TYPES } from '../../doc/records.js';
import { eventsQuery } from '../../server/api-schemas.js';
import type { Store } from '../../store/store.js';
import { eventColour, networkChart, stackedBars } from '../charts.js';
import { actorHref, eventTable } from '../fragments.js';
import { html } from '../html.js';
import { emptyNote, page, pager } from '../layout.js';
import { pageQuery, PER_PAGE } from '../page-params.js';

/** The event view: actor → recipient network, counts by PLOVER type over time, and the events themselves. */
export async function eventsPage(store: Store, url: URL): Promise<string> {
  const { query, raw, page: pageNo } = pageQuery(url, eventsQuery);
  const { limit: _l, offset: _o, ...filters } = query;
  const [events, counts, net] = await Promise.all([
    store.events(query),
    store.eventCounts({ ...filters, period: 'week' }),
    store.eventNetwork({ ...filters, maxEdges: 80 }),
  ]);
  const names = new Map(net.nodes.map((n) => [n.id, n.name]));
  const network = networkChart(
    net.nodes.map((n) => ({ id: n.id, label: n.name, degree: n.degree, href: actorHref(n.id) })),
    net.edges.map((e) => {
      const types = Object.entries(e.types).sort((a, b) => b[1] - a[1]);
      return {
        source: e.source.id,
        target: e.target.id,
        count: e.count,
        colour: eventColour(types[0]?.[0] ?? ''),
        title: `${names.get(e.source.id) ?? e.source.name} → ${names.get(e.target.id) ?? e.target.name}: ${types.map(([t, c]) => `${t} ${c}`).join(', ')}`,
      };
    }),
    'Network of events from actor to recipient',
  );
  const bars = stackedBars(
    counts.map((c) => ({ period: c.period, key: c.type, count: c.count })),
    eventColour,
    'Events by PLOVER type per week',
    { keyOrder: PLOVER_TYPES, period: 'week' },
  );
  const filtered = Object.keys(raw).length > 0;
  return page({
    title: 'Events',
    section: 'events',
    body: html`<h1>Events</h1>
<div class="card"><form class="search" method="get" action="/events">
<label>Type<select name="type"><option value="">any</option>${PLOVER_TYPES.map((t) => html`<option${query.type === t ? html` selected` : ''}>${t}</option>`)}</select></label>
<label>Country<input name="country" value="${raw.country ?? ''}" placeholder="RUS" size="5"></label>
<label>From<input name="from" value="${raw.from ?? ''}" placeholder="2026-01" size="10"></label>
<label>To<input name="to" value="${raw.to ?? ''}" placeholder="2026-02" size="10"></label>
${(['actor', 'source', 'recipient'] as const).map((k) => (raw[k] ? html`<input type="hidden" name="${k}" value="${raw[k]}">` : ''))}
<button type="submit">Filter</button></form></div>
${
  events.total
    ? html`<section class="card"><h2>Who acts on whom</h2>${network || emptyNote('No event has both an actor and a recipient yet.')}
<p class="small muted">Arrows run from actor to recipient; colour is the most frequent PLOVER type, width the number of events. The busiest actors are shown; filter by type, country or dates to see others.</p></section>
<section class="card"><h2>Events by type, per week</h2>${bars}</section>`
    : ''
}
<section class="card"><h2>${events.total} ${events.total === 1 ? 'event' : 'events'}</h2>${
      events.items.length ? eventTable(events.items) : emptyNote(filtered ? 'No event matches.' : 'No events coded yet: the events component has not produced any.')
    }${pager(events.total, (pageNo - 1) * PER_PAGE, PER_PAGE, '/events', raw)}</section>`,
  });
}
