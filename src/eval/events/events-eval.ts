import { existsSync, statSync } from 'node:fs';
import type { Convention } from '../../components/events/cameo-table.js';
import { intOption, listOption, parse } from '../../cli/args.js';
import { EXIT, type Io } from '../../cli/io.js';
import { AttacheError } from '../../errors.js';
import { checkMins, EVAL_OPTIONS, parseMins, requireData } from '../thresholds.js';
import { formatReport, type ClassificationReport } from './metrics.js';
import { readRelationTsv } from './plv-data.js';
import { evaluateEndToEnd, evaluateGivenPair } from './plv-eval.js';
import { PLV_LABELS } from './relation-runner.js';
import { eventsPipeline, evaluateSeed } from './seed-eval.js';

const USAGE =
  'attache eval events --data FILE.tsv|SEED_DIR [--cv K] [--no-e2e] [--convention manual|cameo2plover-2021] [--limit N] [--json] [--min NAME=VALUE …]';

const PLV_METRICS = ['accuracy', 'macro_f1', 'accuracy_odd', 'macro_f1_odd', 'cv_accuracy', 'cv_macro_f1', 'cv_accuracy_odd', 'cv_macro_f1_odd', 'e2e_recall', 'e2e_recall_odd'];
const SEED_METRICS = ['required', 'dates', 'negatives_ok'];

type Parity = { readonly even: ClassificationReport; readonly odd: ClassificationReport };

/** One line with the even (inspected) and odd (never inspected) halves, and the odd half's weakest classes. */
function parityLine(title: string, par: Parity): string {
  const half = (r: ClassificationReport) => `accuracy ${r.accuracy.toFixed(3)} macro-F1 ${r.macroF1.toFixed(3)} (${r.n})`;
  const weakest = [...par.odd.perClass].filter((c) => c.gold > 0).sort((a, b) => a.f1 - b.f1).slice(0, 4).map((c) => `${c.label} ${c.f1.toFixed(2)}`).join(', ');
  return `${title} by row parity: even (inspected) ${half(par.even)}; odd (never inspected) ${half(par.odd)}; odd weakest F1: ${weakest}`;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    { ...EVAL_OPTIONS, cv: { type: 'string' }, 'no-e2e': { type: 'boolean' }, convention: { type: 'string' } },
    USAGE,
  );
  if (values.help) {
    io.out(`usage: ${USAGE}\n`);
    return EXIT.ok;
  }
  const data = requireData(values.data, USAGE);
  if (!existsSync(data)) {
    if (/(^|\/)\.\.\/shared\//.test(data) || data.includes('shared/data')) {
      io.err(`eval events skipped: ${data} is absent\n`);
      return EXIT.ok;
    }
    throw new AttacheError('ATT_E031', 'data not found', data);
  }
  const mins = listOption(values.min);
  if (statSync(data).isDirectory()) {
    const minsParsed = parseMins(mins, SEED_METRICS);
    const reports = evaluateSeed(data);
    const required = reports.reduce((s, r) => s + r.requiredFound, 0) / Math.max(1, reports.reduce((s, r) => s + r.requiredTotal, 0));
    const dates = reports.reduce((s, r) => s + r.datesOk, 0) / Math.max(1, reports.reduce((s, r) => s + r.datesTotal, 0));
    const violated = reports.reduce((s, r) => s + r.negativesViolated, 0);
    // `negatives_ok` is 1 when no gold negative was coded as a positive event, so `--min negatives_ok=1` can fail.
    const metrics = { required, dates, negatives_violated: violated, negatives_ok: violated === 0 ? 1 : 0 };
    if (values.json) io.out(`${JSON.stringify({ task: 'events', data, metrics, reports }, null, 2)}\n`);
    else {
      for (const r of reports) {
        io.out(`${r.article}: required events ${r.requiredFound}/${r.requiredTotal}, dates ${r.datesOk}/${r.datesTotal}, negatives violated ${r.negativesViolated}, events coded ${r.predictedEvents}\n`);
        for (const e of r.events) {
          const p = e.predicted;
          io.out(`  ${e.id}${e.required ? '' : ' (optional)'} ${e.found ? 'ok  ' : 'MISS'} ${p ? `${p.type} ${p.actor.join('+')} -> ${p.recipient.join('+')} ${p.modality}${p.date ? ` ${p.date}` : ''} "${p.trigger}"` : '-'}${e.dateOk === false ? ' (date wrong)' : ''}\n`);
        }
      }
    }
    return checkMins('events', metrics, minsParsed, io) ? EXIT.ok : EXIT.failed;
  }
  const minsParsed = parseMins(mins, PLV_METRICS);
  const convention = (values.convention ?? 'cameo2plover-2021') as Convention;
  if (convention !== 'manual' && convention !== 'cameo2plover-2021') throw new AttacheError('ATT_E030', `--convention is manual or cameo2plover-2021, not "${convention}"`);
  let rows = readRelationTsv(data, { requireGold: true }).rows;
  const limit = intOption(values.limit, 'limit', 0);
  if (limit) rows = rows.slice(0, limit);
  const folds = intOption(values.cv, 'cv', 0);
  const given = evaluateGivenPair(rows, { convention, folds });
  const e2e = values['no-e2e'] ? undefined : evaluateEndToEnd(rows, eventsPipeline({ convention }));
  const metrics: Record<string, number> = {
    accuracy: given.rules.accuracy, macro_f1: given.rules.macroF1,
    accuracy_odd: given.rulesByParity.odd.accuracy, macro_f1_odd: given.rulesByParity.odd.macroF1,
  };
  if (given.model) {
    metrics.cv_accuracy = given.model.accuracy;
    metrics.cv_macro_f1 = given.model.macroF1;
  }
  if (given.modelByParity) {
    metrics.cv_accuracy_odd = given.modelByParity.odd.accuracy;
    metrics.cv_macro_f1_odd = given.modelByParity.odd.macroF1;
  }
  if (e2e) {
    metrics.e2e_recall = e2e.recall;
    metrics.e2e_recall_odd = e2e.byParity.odd.recall;
  }
  if (values.json) io.out(`${JSON.stringify({ task: 'events', data, convention, metrics, given, e2e, note: 'the shipped model (fitted on PLV train) is not scored; CV models are fitted inside each training fold' }, null, 2)}\n`);
  else {
    io.out(`PLV given the marked pair (convention ${convention}; YIELD = CONCEDE or RETREAT)\n`);
    io.out(`${formatReport('rules', given.rules, PLV_LABELS)}\n`);
    io.out(`${parityLine('rules', given.rulesByParity)}\n`);
    io.out(`(the shipped model data/models/events-relation.json, which \`attache code\` uses, was fitted on these rows and is not scored here; --cv K fits a model inside each training fold)\n`);
    if (given.model) io.out(`${formatReport(`rules + linear model, ${given.folds}-fold cross-validated`, given.model, PLV_LABELS)}\n`);
    if (given.modelByParity) io.out(`${parityLine('rules + linear model (CV)', given.modelByParity)}\n`);
    if (e2e) {
      io.out(`end to end (no marks, full pipeline, scored on the Analysis): triple recall ${e2e.recall.toFixed(3)} (${e2e.found}/${e2e.n}), ${e2e.articlesPerSecond.toFixed(0)} sentences/s\n`);
      io.out(`  even rows (inspected) ${e2e.byParity.even.recall.toFixed(3)} (${e2e.byParity.even.found}/${e2e.byParity.even.n}), odd rows ${e2e.byParity.odd.recall.toFixed(3)} (${e2e.byParity.odd.found}/${e2e.byParity.odd.n}); actors with ids only ${e2e.recallActorIds.toFixed(3)}\n`);
      io.out(`  ${Object.entries(e2e.perClass).sort().map(([k, v]) => `${k} ${v.recall.toFixed(2)}`).join(', ')}\n`);
    }
  }
  return checkMins('events', metrics, minsParsed, io) ? EXIT.ok : EXIT.failed;
}
