import { parentPort, workerData } from 'node:worker_threads';
import { Analyzer } from '../analysis/analyzer.js';
import { loadResources } from '../analysis/resources.js';
import { describeError } from '../errors.js';
import type { RawArticle } from '../read/sources.js';
import { issueLabels, type AnalyzerSetup, type FromWorker, type ToWorker } from './analyze-pool.js';

/** A worker thread that analyses raw articles with its own pipeline and posts the Analyses back. */
const setup = workerData as AnalyzerSetup;
const port = parentPort!;

function start(): void {
  let analyzer: Analyzer;
  try {
    const resources = loadResources({ kbFiles: setup.kbFiles ?? [], issueFiles: setup.issueFiles ?? [] });
    analyzer = new Analyzer({ ...(setup.upTo ? { upTo: setup.upTo } : {}), resources });
  } catch (e) {
    port.postMessage({ type: 'fatal', error: describeError(e) } satisfies FromWorker);
    return;
  }
  void issueLabels(setup.issueFiles ?? []).then((issues) => port.postMessage({ type: 'ready', pipeline: analyzer.pipeline.version, issues } satisfies FromWorker));
  port.on('message', (m: ToWorker) => {
    const out: FromWorker[] = [];
    for (const job of m.jobs) {
      try {
        out.push({ type: 'done', seq: job.seq, analysis: analyzer.analyzeRaw(job.raw as RawArticle) });
      } catch (e) {
        out.push({ type: 'error', seq: job.seq, error: describeError(e) });
      }
    }
    port.postMessage({ type: 'batch', results: out } satisfies FromWorker);
  });
}

start();
