import type { Doc } from '../../doc/doc.js';
import type { ActorRecord } from '../../doc/records.js';
import { kbOf } from '../../kb/kb-resource.js';
import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import { defineComponent } from '../../pipeline/component.js';
import { actorLexicon } from '../mentions/actor-lexicon.js';
import type { MentionRecord } from '../mentions/mention-record.js';
import { ActorResolver } from './actor-resolver.js';

/**
 * Resolves the `mentions` layer to actors: assigns `actors` and rewrites `mentions` with each
 * mention's `actor` id filled in (declared as `mentions.actor`).
 */
export function resolveActors(doc: Doc, kb: KnowledgeBase): { actors: ActorRecord[]; mentions: MentionRecord[] } {
  return new ActorResolver(doc, doc.maybe('mentions') ?? [], kb, actorLexicon()).resolve();
}

export const actorsComponent = defineComponent(
  { name: 'actors', version: '0.1.0', requires: ['mentions'], assigns: ['actors', 'mentions.actor'] },
  (doc, ctx) => {
    const { actors, mentions } = resolveActors(doc, kbOf(ctx));
    doc.set('mentions', mentions);
    doc.set('actors', actors);
  },
);
