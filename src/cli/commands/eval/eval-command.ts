import { AttacheError } from '../../../errors.js';
import { EXIT, type Io } from '../../io.js';

/** Evaluation tasks; each is loaded only when asked for. */
const TASKS: Record<string, { summary: string; load: () => Promise<{ run: (argv: string[], io: Io) => Promise<number> }> }> = {
  brief: { summary: "generated key points vs an article's own key-point block (coverage)", load: () => import('../../../eval/brief/brief-eval.js') },
  stances: { summary: 'seed checks for stances, statement groups and key points', load: () => import('../../../eval/stances/stances-eval.js') },
  statements: { summary: 'merging wordings of one statement: precision/recall on our own paraphrase pairs', load: () => import('../../../eval/statements/statements-eval.js') },
  quotes: { summary: 'attribution: PolNeAR content/source/cue P/R/F1 (Dice ≥ 0.5, 0.8), or the seed gold quotes', load: () => import('../../../eval/quotes/quotes-eval.js') },
  actors: { summary: 'actors: seed gold actors/mentions/pronouns, or PolNeAR sources covered by mentions and tied to actors', load: () => import('../../../eval/actors/actors-eval.js') },
  events: { summary: 'PLOVER events: PLV relation accuracy/macro-F1 (given the pair, --cv K) and end-to-end recall, or the seed gold events', load: () => import('../../../eval/events/events-eval.js') },
  extraction: { summary: 'HTML article extraction: AEB body F1, or WCXB body word-F1 + title/author/date accuracy', load: () => import('../../../eval/extraction/extraction-eval.js') },
};

export async function run(argv: string[], io: Io): Promise<number> {
  const [task, ...rest] = argv;
  const names = Object.keys(TASKS).join(', ');
  if (!task || task === '--help' || task === '-h') {
    io.out(`usage: attache eval <task> --data PATH [options]\ntasks:\n${Object.entries(TASKS).map(([k, t]) => `  ${k.padEnd(12)} ${t.summary}`).join('\n')}\n`);
    return task ? EXIT.ok : EXIT.usage;
  }
  const t = TASKS[task];
  if (!t) throw new AttacheError('ATT_E030', `unknown eval task "${task}" (have: ${names})`);
  return (await t.load()).run(rest, io);
}
