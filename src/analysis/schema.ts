import { z } from 'zod';
import { PLOVER_TYPES } from '../doc/records.js';

/** The Analysis contract as a zod schema; tests validate every printed Analysis against it. */
export const spanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string() }).refine((s) => s.end >= s.start, 'end before start');
const metaText = z.union([spanSchema, z.object({ text: z.string() })]);
const iso = z.string().regex(/^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/, 'ISO 8601 date');

export const analysisSchema = z.object({
  schema: z.literal('attache.analysis/1'),
  pipeline: z.string(),
  doc: z.object({ id: z.string(), text: z.string(), uri: z.string().optional(), language: z.string(), format: z.string() }),
  meta: z.object({
    headline: metaText.optional(),
    published: iso.optional(),
    publishedSpan: spanSchema.optional(),
    dateline: metaText.optional(),
    authors: z.array(z.string()),
    outlet: z.string().optional(),
    url: z.string().optional(),
    keyPoints: z.array(metaText),
    sections: z.array(metaText),
    ignored: z.array(spanSchema),
  }),
  paragraphs: z.array(spanSchema),
  sentences: z.array(spanSchema),
  actors: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['person', 'organization', 'country', 'igo', 'region', 'media', 'group']),
      country: z.string().optional(),
      countryFrom: z.enum(['kb', 'text', 'context']).optional(),
      sector: z.string().optional(),
      role: z.string().optional(),
      kbId: z.string().optional(),
      mentions: z.array(spanSchema),
    }),
  ),
  quotes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['direct', 'partial', 'mixed', 'indirect']),
      content: spanSchema,
      cue: spanSchema.optional(),
      source: spanSchema.optional(),
      speaker: z.string().optional(),
      via: z.string().optional(),
      viaSpan: spanSchema.optional(),
      statement: z.string().optional(),
      confidence: z.number().min(0).max(1),
      rule: z.string().optional(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.string(),
      type: z.enum(PLOVER_TYPES),
      mode: z.string().optional(),
      context: z.array(z.string()),
      cameo: z.string().optional(),
      quad: z.number().int().min(1).max(4),
      goldstein: z.number().optional(),
      actor: z.array(z.string()),
      recipient: z.array(z.string()),
      actorSpans: z.array(spanSchema).optional(),
      recipientSpans: z.array(spanSchema).optional(),
      trigger: spanSchema,
      evidence: spanSchema,
      date: iso.optional(),
      modality: z.enum(['asserted', 'alleged', 'denied', 'intended', 'hypothetical']),
      negated: z.boolean(),
      reportedBy: z.string().optional(),
      confidence: z.number().optional(),
      rule: z.string().optional(),
    }),
  ),
  stances: z.array(
    z.object({
      actor: z.string(),
      issue: z.string(),
      stance: z.enum(['support', 'oppose', 'neutral', 'conditional']),
      evidence: z.array(spanSchema),
      date: iso.optional(),
      confidence: z.number().optional(),
    }),
  ),
  statements: z.array(z.object({ id: z.string(), speaker: z.string().optional(), quotes: z.array(z.string()), canonical: z.string() })),
  keyPoints: z.array(z.object({ text: z.string(), evidence: z.array(spanSchema) })),
  diagnostics: z.array(
    z.object({
      start: z.number().optional(),
      end: z.number().optional(),
      component: z.string(),
      rule: z.string(),
      severity: z.enum(['fatal', 'error', 'warning', 'info']),
      message: z.string(),
    }),
  ),
});

/** Checks that every span's text is the slice of the document text it claims to be. */
export function spansAreTrue(a: { doc: { text: string } }, value: unknown = a): string[] {
  const bad: string[] = [];
  const visit = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string' && path !== '.doc') {
        if (a.doc.text.slice(o.start, o.end) !== o.text) bad.push(path);
      }
      for (const [k, x] of Object.entries(o)) if (k !== 'doc') visit(x, `${path}.${k}`);
    }
  };
  visit(value, '');
  return bad;
}
