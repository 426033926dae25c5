import type { Doc } from '../../doc/doc.js';
import { kbOf } from '../../kb/kb-resource.js';
import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import { defineComponent } from '../../pipeline/component.js';
import { actorLexicon } from './actor-lexicon.js';
import { MentionFinder } from './mention-finder.js';
import type { MentionRecord } from './mention-record.js';

export type { MentionRecord, MentionType } from './mention-record.js';

/** Finds the mentions of actors in a segmented document (ignored ranges and the dateline are skipped). */
export function findMentions(doc: Doc, kb: KnowledgeBase): MentionRecord[] {
  if (!doc.tokens) return [];
  return new MentionFinder(doc, kb, actorLexicon()).find();
}

export const mentionsComponent = defineComponent(
  { name: 'mentions', version: '0.1.0', requires: ['tokens', 'sentences', 'meta.ignored'], assigns: ['mentions'] },
  (doc, ctx) => doc.set('mentions', findMentions(doc, kbOf(ctx))),
);
