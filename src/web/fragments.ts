import type { StanceValue } from '../doc/records.js';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type ActorRef, type EventHit, type QuoteHit, type StatementHit } from '../store/store.js';
import { formatDate } from './charts.js';
import { html, href, snippetHtml, type SafeHtml } from './html.js';

/** Pieces shared by several pages. */

export function actorHref(id: string): string {
  return `/actors/${encodeURIComponent(id)}`;
}

export function articleHref(id: string, anchor?: string): string {
  return `/articles/${encodeURIComponent(id)}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}

export function issueHref(id: string): string {
  return `/issues/${encodeURIComponent(id)}`;
}

export function actorLink(a: ActorRef | undefined, fallback = 'unknown speaker'): SafeHtml {
  if (!a) return html`<span class="muted">${fallback}</span>`;
  return html`<a href="${actorHref(a.id)}">${a.name}</a>`;
}

/** "French President · FRA" */
export function actorFacts(a: ActorRef): string {
  return [a.role, a.country].filter(Boolean).join(' · ');
}

export function stanceChip(s: StanceValue): SafeHtml {
  return html`<span class="chip stance-${s}">${s}</span>`;
}

export function eventChip(type: string): SafeHtml {
  return html`<span class="chip ev-type">${type}</span>`;
}

/** One quote in a result list: its words (matches marked), who said it, where and when. */
export function quoteItem(q: QuoteHit, opts: { showSpeaker?: boolean } = {}): SafeHtml {
  const words = q.snippet ? snippetHtml(q.snippet, SNIPPET_OPEN, SNIPPET_CLOSE) : html`${q.text}`;
  const who = opts.showSpeaker === false ? html`` : q.speaker ? actorLink(q.speaker) : html`<span class="muted">${q.sourceText ?? 'unattributed'}</span>`;
  return html`<div class="quote ${q.kind}">
<div class="text">${words}</div>
<div class="who">${who}${q.speaker?.role && opts.showSpeaker !== false ? html` <span class="muted">(${q.speaker.role})</span>` : ''}
${q.via ? html` · via ${actorLink(q.via)}` : ''}
${opts.showSpeaker === false ? '' : '· '}<a href="${articleHref(q.articleId, `q-${q.localId}`)}">${q.headline ?? 'article'}</a>
${q.published ? html` · ${formatDate(q.published)}` : ''}${q.outlet ? html` · ${q.outlet}` : ''}
· <span class="chip">${q.kind}</span>${q.issues.map((i) => html` <a class="chip" href="${issueHref(i)}">${i}</a>`)}
</div>
</div>`;
}

export function statementItem(s: StatementHit): SafeHtml {
  return html`<div class="quote">
<div class="text">${s.text}</div>
<div class="who">${actorLink(s.speaker)} · said ${s.quoteIds.length} ${s.quoteIds.length === 1 ? 'time' : 'times'} in
<a href="${articleHref(s.articleId)}">${s.headline ?? 'article'}</a>${s.published ? html` · ${formatDate(s.published)}` : ''}${
    s.group && (s.groupArticles ?? 1) > 1
      ? html` · <a class="chip" href="/statements?group=${encodeURIComponent(s.group)}">carried by ${s.groupArticles} articles</a>`
      : ''
  }</div>
</div>`;
}

export function eventActors(list: readonly ActorRef[]): SafeHtml {
  if (!list.length) return html`<span class="muted">—</span>`;
  return html`${list.map((a, i) => html`${i ? ', ' : ''}${actorLink(a)}`)}`;
}

/** A table of events: date, type, actor → recipient, the trigger and the sentence, modality. */
export function eventTable(events: readonly EventHit[]): SafeHtml {
  return html`<table>
<thead><tr><th>Date</th><th>Type</th><th>Actor</th><th>Recipient</th><th>Evidence</th></tr></thead>
<tbody>${events.map(
    (e) => html`<tr>
<td class="small">${formatDate(e.date ?? e.published)}</td>
<td>${eventChip(e.type)}${e.cameo ? html`<div class="small muted">CAMEO ${e.cameo}</div>` : ''}</td>
<td>${eventActors(e.actors)}</td>
<td>${eventActors(e.recipients)}</td>
<td class="small">${e.evidence}${e.modality !== 'asserted' || e.negated ? html` <span class="chip">${e.negated ? 'negated' : e.modality}</span>` : ''}
<div><a href="${articleHref(e.articleId, `e-${e.localId}`)}">${e.headline ?? 'article'}</a></div></td>
</tr>`,
  )}</tbody></table>`;
}

/** The search form used on the home and quote pages. */
export function searchForm(v: Record<string, string | undefined>, issues: readonly { id: string; label?: string | undefined }[]): SafeHtml {
  return html`<form class="search" method="get" action="/search" role="search">
<label>Words<input type="search" name="q" value="${v.q ?? ''}" placeholder="e.g. ceasefire, sanctions, &quot;talk to Russia&quot;"></label>
<label>Speaker<input name="speaker" value="${v.speaker ?? ''}" placeholder="name" size="12"></label>
<label>Country<input name="country" value="${v.country ?? ''}" placeholder="FRA" size="5"></label>
<label>Issue<select name="issue"><option value="">any</option>${issues.map(
    (i) => html`<option value="${i.id}"${v.issue === i.id ? html` selected` : ''}>${i.label ?? i.id}</option>`,
  )}</select></label>
<label>From<input name="from" value="${v.from ?? ''}" placeholder="2026-01" size="10"></label>
<label>To<input name="to" value="${v.to ?? ''}" placeholder="2026-02-20" size="10"></label>
<button type="submit">Search</button>
</form>`;
}

export { href };
