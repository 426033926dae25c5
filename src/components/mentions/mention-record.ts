import type { ActorKind } from '../../doc/records.js';

/** How a mention names its actor. */
export type MentionType =
  /** A proper name alone ("Peskov", "Russia", "TASS"). */
  | 'name'
  /** A name with its title words ("Kremlin Spokesman Dmitry Peskov", "Mr. Lavrov"). */
  | 'title-name'
  | 'pronoun'
  /** A common-noun phrase that names an actor ("the spokesman", "the Russian government"). */
  | 'nominal'
  /** A nationality word ("French", "a Ukrainian drone"). */
  | 'demonym'
  /** A place standing for a state or government ("Moscow", "the Kremlin", "Downing Street"). */
  | 'metonym'
  /** A group ("the Europeans", "the bloc", "European leaders", "experts"). */
  | 'collective'
  /** A text that speaks for its author ("the report", "a Bloomberg poll"). */
  | 'document';

/**
 * One mention of an actor: a span of the text with what the words themselves say about the actor.
 * The `actors` component fills `actor` (the id of the actor in the `actors` layer).
 */
export interface MentionRecord {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: MentionType;
  /** The name or head noun inside a longer phrase ("Dmitry Peskov" in "Kremlin Spokesman Dmitry Peskov"). */
  readonly head?: { readonly start: number; readonly end: number };
  /** Actor id, set by the `actors` component. */
  readonly actor?: string;
  /** The knowledge-base entry the words name, where they name one. */
  readonly kbId?: string;
  /** The kind of actor the words point to, where they say. */
  readonly kind?: ActorKind;
  /** ISO3 or IGO code the words give (a demonym, a country name, an institution). */
  readonly country?: string;
  readonly sector?: string;
  /** Title or role words ("Kremlin spokesman", "Republican presidential candidate"). */
  readonly role?: string;
  readonly gender?: 'm' | 'f' | 'n';
  readonly number?: 'sg' | 'pl';
  /** Pronouns: 1st, 2nd or 3rd person, and case. */
  readonly person?: 1 | 2 | 3;
  readonly case?: 'subj' | 'obj' | 'poss' | 'refl';
  /** The words mark a United States actor (a US party, office or state). */
  readonly us?: boolean;
  /** For "Clinton's campaign", "a Bloomberg poll": the span of the owner's name, and its KB id. */
  readonly owner?: { readonly start: number; readonly end: number; readonly kbId?: string };
  /** The rule that found the mention. */
  readonly rule: string;
}

declare module '../../doc/doc.js' {
  interface LayerMap {
    /** Mentions of actors, sorted by start (then longest first). */
    mentions: readonly MentionRecord[];
  }
}
