import { Analyzer } from '../../../analysis/analyzer.js';
import { failedAnalysis, toJson, type Analysis } from '../../../analysis/analysis.js';
import { loadResources } from '../../../analysis/resources.js';
import { AttacheError } from '../../../errors.js';
import { DEFAULT_MAX_BYTES } from '../../../read/decode.js';
import { isFailure, listInputs, readInputFile, type InputKind } from '../../../read/sources.js';
import { listOption, parse, sizeOption } from '../../args.js';
import { EXIT, type Io } from '../../io.js';
import { Progress } from '../../progress.js';
import { summarize } from './summary.js';

const USAGE = 'attache analyze FILE|DIR|- [--json | --jsonl] [--upto COMPONENT] [--kind text|html] [--max-bytes 20MB] [--kb FILE] [--issues FILE]';

const HELP = `${USAGE}

Analyses articles and prints what was found.
  FILE|DIR|-        a file (.txt .html .htm .json .jsonl, optionally .gz), a folder (read recursively), or - for stdin
  --json            print the Analysis (schema attache.analysis/1); an array when there are several documents
  --jsonl           print one Analysis per line, in a stable order (inputs sorted by path)
  --upto NAME       stop after this component (structure, segment, …)
  --kind KIND       read every input as text or html instead of judging by extension and content
  --max-bytes SIZE  refuse files larger than this (default 20MB)
  --kb FILE         add or override knowledge-base entries (YAML or JSON); repeatable
  --issues FILE     add issue definitions for stances (YAML or JSON); repeatable
Exit status: 0 all analysed, 1 nothing analysed (or the single input failed), 2 usage, 3 some inputs failed.`;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      json: { type: 'boolean' },
      jsonl: { type: 'boolean' },
      upto: { type: 'string' },
      kind: { type: 'string' },
      'max-bytes': { type: 'string' },
      kb: { type: 'string', multiple: true },
      issues: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    io.out(`${HELP}\n`);
    return EXIT.ok;
  }
  if (!positionals.length) throw new AttacheError('ATT_E030', `no input given\nusage: ${USAGE}`);
  if (values.json && values.jsonl) throw new AttacheError('ATT_E030', '--json and --jsonl cannot be used together');
  if (values.kind && values.kind !== 'text' && values.kind !== 'html') throw new AttacheError('ATT_E030', `--kind takes text or html, not "${values.kind}"`);
  const maxBytes = sizeOption(values['max-bytes'], 'max-bytes', DEFAULT_MAX_BYTES);
  const resources = loadResources({ kbFiles: listOption(values.kb), issueFiles: listOption(values.issues) });
  let analyzer: Analyzer;
  try {
    analyzer = new Analyzer({ ...(values.upto ? { upTo: values.upto } : {}), resources });
  } catch (e) {
    throw e instanceof AttacheError ? e : new AttacheError('ATT_E030', (e as Error).message);
  }

  const { files, failures: listFailures } = await listInputs(positionals);
  const single = positionals.length === 1 && files.length === 1 && !listFailures.length;
  const progress = new Progress(io.err, io.stderrIsTTY && !single, files.length, 'files');
  const failures: string[] = listFailures.map((f) => f.error.oneLine());
  const jsonDocs: Analysis[] = [];
  let ok = 0;
  const emit = (a: Analysis) => {
    if (values.jsonl) io.out(`${toJson(a)}\n`);
    else if (values.json) jsonDocs.push(a);
    else io.out(summarize(a));
  };
  for (const f of listFailures) if (values.jsonl) io.out(`${toJson(failedAnalysis(f.uri, 'read', f.error.code, f.error.oneLine()))}\n`);

  for (const file of files) {
    const results = await readInputFile(file, { maxBytes, ...(values.kind ? { kind: values.kind as InputKind } : {}) });
    let fileOk = true;
    for (const r of results) {
      if (isFailure(r)) {
        fileOk = false;
        failures.push(r.error.oneLine());
        if (values.jsonl) io.out(`${toJson(failedAnalysis(r.uri, 'read', r.error.code, r.error.oneLine()))}\n`);
        continue;
      }
      const a = analyzer.analyzeRaw(r);
      const fatal = a.diagnostics.find((d) => d.severity === 'fatal');
      if (fatal && a.pipeline === '') {
        fileOk = false;
        failures.push(fatal.message);
        if (values.jsonl) emit(a);
        continue;
      }
      ok++;
      emit(a);
    }
    progress.tick(fileOk);
  }
  progress.finish();
  if (values.json) io.out(`${toJson(jsonDocs.length === 1 && single ? jsonDocs[0] : jsonDocs, 2)}\n`);
  if (failures.length) {
    if (!single) io.err(`${failures.length} input(s) failed:\n`);
    for (const f of failures) io.err(`${single ? 'attache analyze: ' : '  '}${f}\n`);
  }
  if (!single && (io.stderrIsTTY || failures.length)) io.err(`analysed ${ok} document(s), ${failures.length} failed\n`);
  if (!failures.length) return EXIT.ok;
  return ok === 0 ? EXIT.failed : EXIT.partial;
}
