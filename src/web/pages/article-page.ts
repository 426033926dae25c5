import type { Store } from '../../store/store.js';
import { hasOffsets } from '../../doc/span.js';
import { HttpError } from '../../server/http-error.js';
import { markedText, type TextMark } from '../article-text.js';
import { formatDate } from '../charts.js';
import { actorHref, eventChip } from '../fragments.js';
import { externalUrl, html, type SafeHtml } from '../html.js';
import { emptyNote, page } from '../layout.js';
import { SPEAKER_COLOURS } from '../style.js';

/** An article: its text with quotes highlighted by speaker and event triggers marked, then the facts in tables. */
export async function articlePage(store: Store, id: string): Promise<string> {
  const art = await store.article(id);
  if (!art) throw new HttpError(404, `no article with id "${id}"`);
  const a = art.analysis;
  const localActors = new Map(a.actors.map((x) => [x.id, x]));
  const ref = (localId: string | undefined) => (localId ? art.actors[localId] : undefined);
  const name = (localId: string | undefined) => ref(localId)?.name ?? (localId ? localActors.get(localId)?.name : undefined);
  const link = (localId: string | undefined, fallback: string): SafeHtml => {
    const r = ref(localId);
    if (r) return html`<a href="${actorHref(r.id)}">${r.name}</a>`;
    const n = name(localId);
    return n ? html`${n}` : html`<span class="muted">${fallback}</span>`;
  };

  // One colour per speaker, in order of first quote; unattributed quotes share the neutral class.
  const colour = new Map<string, number>();
  for (const q of a.quotes) if (q.speaker && !colour.has(q.speaker)) colour.set(q.speaker, colour.size % SPEAKER_COLOURS.length);
  const cls = (speaker: string | undefined) => (speaker && colour.has(speaker) ? `q sp-${colour.get(speaker)}` : 'q');

  const marks: TextMark[] = [];
  for (const s of a.meta.ignored) marks.push({ start: s.start, end: s.end, kind: 'ignored', cls: 'ign', title: 'boilerplate (not read as content)' });
  if (hasOffsets(a.meta.headline)) marks.push({ start: a.meta.headline.start, end: a.meta.headline.end, kind: 'headline', cls: 'hl' });
  for (const q of a.quotes) {
    marks.push({
      start: q.content.start,
      end: q.content.end,
      kind: 'quote',
      cls: cls(q.speaker),
      title: `${name(q.speaker) ?? q.source?.text ?? 'unattributed'} — ${q.kind} quote`,
      anchor: `q-${q.id}`,
    });
  }
  for (const e of a.events) {
    const who = e.actor.map(name).filter(Boolean).join(', ') || '?';
    const whom = e.recipient.map(name).filter(Boolean).join(', ');
    marks.push({
      start: e.trigger.start,
      end: e.trigger.end,
      kind: 'event',
      cls: 'ev',
      title: `${e.type}${e.cameo ? ` (CAMEO ${e.cameo})` : ''}: ${who}${whom ? ` → ${whom}` : ''}${e.modality !== 'asserted' ? `, ${e.modality}` : ''}${e.negated ? ', negated' : ''}`,
      anchor: `e-${e.id}`,
    });
  }

  const headline = a.meta.headline?.text ?? art.headline ?? 'Untitled article';
  const source = externalUrl(art.url ?? a.meta.url);
  const speakers = [...colour.entries()];
  const facts = html`<p class="muted">${[formatDate(art.published ?? a.meta.published), a.meta.dateline?.text, art.outlet ?? a.meta.outlet, a.meta.authors.join(', ')].filter(Boolean).join(' · ')}
${source ? html` · <a href="${source}" rel="noopener noreferrer nofollow">source</a>` : ''} · <a href="/api/articles/${encodeURIComponent(art.id)}">JSON</a></p>`;

  return page({
    title: headline,
    section: 'articles',
    body: html`<h1>${headline}</h1>
${facts}
${
  a.keyPoints.length
    ? html`<section class="card"><h2>Key points</h2><ul>${a.keyPoints.map((k) => html`<li>${k.text}</li>`)}</ul></section>`
    : ''
}
<section class="card">
<div class="legend">${
      speakers.length
        ? html`<span class="muted">Quotes by speaker:</span>${speakers.map(([sp, i]) => html`<span><span class="chip sp-${i}">${a.quotes.filter((q) => q.speaker === sp).length}</span> ${link(sp, sp)}</span>`)}`
        : html`<span class="muted">${a.quotes.length ? 'Quotes are marked; their speakers are not resolved yet.' : 'No quotes found in this article yet.'}</span>`
    }${a.events.length ? html`<span><span class="ev">event</span> <span class="muted">= event trigger (hover for its type)</span></span>` : ''}</div>
<article class="text">${markedText(a.doc.text, marks)}</article>
</section>
<div class="grid">
<section class="card"><h2>Quotes (${a.quotes.length})</h2>${
      a.quotes.length
        ? html`<table><thead><tr><th>Speaker</th><th>Words</th></tr></thead><tbody>${a.quotes.map(
            (q) => html`<tr><td>${q.speaker && colour.has(q.speaker) ? html`<span class="chip sp-${colour.get(q.speaker)}">&nbsp;</span> ` : ''}${link(q.speaker, q.source?.text ?? 'unattributed')}
${q.via ? html`<div class="small muted">via ${link(q.via, q.viaSpan?.text ?? '')}</div>` : ''}</td>
<td><a href="#q-${q.id}" class="small">${q.kind}</a> ${q.content.text}${q.cue ? html` <span class="small muted">(${q.cue.text})</span>` : ''}</td></tr>`,
          )}</tbody></table>`
        : emptyNote('None found yet.')
    }</section>
<section class="card"><h2>Events (${a.events.length})</h2>${
      a.events.length
        ? html`<table><thead><tr><th>Type</th><th>Who → whom</th><th>Trigger</th></tr></thead><tbody>${a.events.map(
            (e) => html`<tr><td>${eventChip(e.type)}</td><td>${e.actor.map((x, i) => html`${i ? ', ' : ''}${link(x, x)}`)} → ${
              e.recipient.length ? e.recipient.map((x, i) => html`${i ? ', ' : ''}${link(x, x)}`) : html`<span class="muted">—</span>`
            }</td><td><a href="#e-${e.id}">${e.trigger.text}</a>${e.modality !== 'asserted' || e.negated ? html` <span class="chip">${e.negated ? 'negated' : e.modality}</span>` : ''}${e.date ? html` <span class="small muted">${e.date}</span>` : ''}</td></tr>`,
          )}</tbody></table>`
        : emptyNote('No events coded yet.')
    }</section>
</div>
<div class="grid">
<section class="card"><h2>Actors (${a.actors.length})</h2>${
      a.actors.length
        ? html`<table><tbody>${a.actors.map(
            (x) => html`<tr><td>${link(x.id, x.name)}<div class="small muted">${[x.role, x.country, x.sector].filter(Boolean).join(' · ')}</div></td><td class="num small">${x.mentions.length} mentions</td></tr>`,
          )}</tbody></table>`
        : emptyNote('No actors resolved yet.')
    }</section>
<section class="card"><h2>Stances (${a.stances.length})</h2>${
      a.stances.length
        ? html`<table><tbody>${a.stances.map(
            (s) => html`<tr><td>${link(s.actor, s.actor)}</td><td><a href="/issues/${encodeURIComponent(s.issue)}">${s.issue}</a></td><td><span class="chip stance-${s.stance}">${s.stance}</span>${s.date ? html` <span class="small muted">${s.date}</span>` : ''}</td></tr>`,
          )}</tbody></table>`
        : emptyNote('No stances found yet.')
    }</section>
</div>`,
  });
}
