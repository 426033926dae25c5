import { z } from 'zod';

/**
 * The knowledge base's entry format. The shipped files live in `data/kb/` (YAML lists of entries);
 * users add or override entries with `--kb FILE` in the same format. An entry with the `id` of a
 * shipped entry replaces it.
 */

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD');

/** PLOVER actor sectors (the manual's agent types) we use. */
export const SECTORS = [
  'GOV', 'MIL', 'REB', 'OPP', 'PTY', 'COP', 'JUD', 'SPY', 'MED', 'EDU', 'BUS', 'CRM', 'CVL', 'IGO', 'NGO', 'LEG', 'ELI', 'REF', 'LAB', 'REL', 'HLH', 'AGR',
] as const;

export const KB_KINDS = ['country', 'person', 'organization', 'igo', 'media', 'group', 'region'] as const;

export const roleSchema = z
  .object({
    /** The title as news writes it: "President", "Prime Minister", "Foreign Minister", "spokesman". */
    title: z.string().min(1),
    /** ISO3 of the country served, or an IGO code (EU, NATO, UN, …). */
    country: z.string().min(2),
    sector: z.enum(SECTORS),
    /** The organisation the role belongs to, as a KB id (e.g. `kremlin`, `un`). */
    org: z.string().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();

export const kbEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
    kind: z.enum(KB_KINDS),
    name: z.string().min(1),
    /** Other names as they appear in text ("Russian Federation", "Lavrov", "the Kremlin"). */
    aliases: z.array(z.string().min(1)).optional(),
    /** ISO3 (or IGO code) the entry belongs to; a country's own code for a country. */
    country: z.string().min(2).optional(),
    sector: z.enum(SECTORS).optional(),
    /** Countries: ISO 3166-1 alpha-2. */
    iso2: z.string().length(2).optional(),
    /** Countries: nationality words ("French", "Frenchman"); plural collective forms ("the French") are derived. */
    demonyms: z.array(z.string().min(1)).optional(),
    /** Countries: the capital, which news uses for the state ("Moscow said"). */
    capital: z.string().optional(),
    /** Places or buildings that stand for this entry's government ("Downing Street", "the Élysée"). */
    metonyms: z.array(z.string().min(1)).optional(),
    /** Collective references ("the bloc", "the alliance"). */
    collective: z.array(z.string().min(1)).optional(),
    /** People: for pronoun resolution. */
    gender: z.enum(['m', 'f']).optional(),
    roles: z.array(roleSchema).optional(),
    /** Organisations: the KB id of the parent (a ministry's government, an agency's IGO). */
    parent: z.string().optional(),
    /** The date this entry was last checked against public sources. */
    checked: isoDate.optional(),
    note: z.string().optional(),
  })
  .strict();

export type KbRole = z.infer<typeof roleSchema>;
export type KbEntry = z.infer<typeof kbEntrySchema>;
export type KbKind = (typeof KB_KINDS)[number];
export type Sector = (typeof SECTORS)[number];
