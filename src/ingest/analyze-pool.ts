import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Analysis } from '../analysis/analysis.js';
import { AttacheError, describeError } from '../errors.js';
import type { RawArticle } from '../read/sources.js';

/** How each analysing thread builds its pipeline: plain data, so it can cross to a worker. */
export interface AnalyzerSetup {
  readonly upTo?: string;
  readonly kbFiles?: readonly string[];
  readonly issueFiles?: readonly string[];
}

export interface IssueLabel {
  readonly id: string;
  readonly label?: string;
  readonly proposition?: string;
}

export type ToWorker = { readonly jobs: readonly { readonly seq: number; readonly raw: RawArticle }[] };
export type FromWorker =
  | { readonly type: 'ready'; readonly pipeline: string; readonly issues: readonly IssueLabel[] }
  | { readonly type: 'fatal'; readonly error: string }
  | { readonly type: 'done'; readonly seq: number; readonly analysis: Analysis }
  | { readonly type: 'error'; readonly seq: number; readonly error: string }
  | { readonly type: 'batch'; readonly results: readonly FromWorker[] };

/**
 * The issue definitions the stances component uses (shipped plus users' files), for the store's
 * issue labels. Loaded by URL so the store layer works whether or not that component is built.
 */
export async function issueLabels(files: readonly string[]): Promise<IssueLabel[]> {
  try {
    const mod = (await import(new URL('../components/stances/issues.js', import.meta.url).href)) as {
      loadIssues?: (f: readonly string[]) => readonly { id: string; label?: string; proposition?: string }[];
    };
    if (typeof mod.loadIssues !== 'function') return [];
    return mod.loadIssues(files).map((i) => ({ id: i.id, ...(i.label ? { label: i.label } : {}), ...(i.proposition ? { proposition: i.proposition } : {}) }));
  } catch {
    return [];
  }
}

/** Analyses raw articles somewhere: on worker threads, or on this thread when `jobs` is 0. */
export interface AnalyzePool {
  /** `name@version+…` of the pipeline the workers run. */
  readonly pipeline: string;
  readonly issues: readonly IssueLabel[];
  /** How many articles it can usefully hold at once (the caller keeps at most this many in flight). */
  readonly capacity: number;
  analyze(raw: RawArticle): Promise<Analysis>;
  close(): Promise<void>;
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Starts `jobs` worker threads (0: analyse on the calling thread) and waits until they are ready. */
export async function startPool(setup: AnalyzerSetup, jobs = defaultJobs()): Promise<AnalyzePool> {
  if (jobs <= 0) return startInline(setup);
  const pool = new WorkerPool(setup, jobs);
  await pool.ready;
  return pool;
}

async function startInline(setup: AnalyzerSetup): Promise<AnalyzePool> {
  const [{ Analyzer }, { loadResources }] = await Promise.all([import('../analysis/analyzer.js'), import('../analysis/resources.js')]);
  let analyzer: InstanceType<typeof Analyzer>;
  try {
    analyzer = new Analyzer({ ...(setup.upTo ? { upTo: setup.upTo } : {}), resources: loadResources({ kbFiles: setup.kbFiles ?? [], issueFiles: setup.issueFiles ?? [] }) });
  } catch (e) {
    throw e instanceof AttacheError ? e : new AttacheError('ATT_E030', describeError(e));
  }
  const issues = await issueLabels(setup.issueFiles ?? []);
  return {
    pipeline: analyzer.pipeline.version,
    issues,
    capacity: 1,
    analyze: async (raw) => analyzer.analyzeRaw(raw),
    close: async () => undefined,
  };
}

interface Pending {
  readonly resolve: (a: Analysis) => void;
  readonly reject: (e: Error) => void;
  readonly raw: RawArticle;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Pending>;
  ready: boolean;
}

const PER_WORKER = 16;
const MAX_RESPAWNS = 8;

class WorkerPool implements AnalyzePool {
  pipeline = '';
  issues: readonly IssueLabel[] = [];
  readonly capacity: number;
  readonly ready: Promise<void>;
  private readonly slots: Slot[] = [];
  private readonly queue: { seq: number; p: Pending }[] = [];
  private seq = 0;
  private respawns = 0;
  private closing = false;
  private readyResolve!: () => void;
  private readyReject!: (e: Error) => void;
  private readyCount = 0;

  constructor(
    private readonly setup: AnalyzerSetup,
    n: number,
  ) {
    this.capacity = n * PER_WORKER * 2;
    this.ready = new Promise((res, rej) => {
      this.readyResolve = res;
      this.readyReject = rej;
    });
    for (let i = 0; i < n; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./analyze-worker.js', import.meta.url), { workerData: this.setup });
    const slot: Slot = { worker, inFlight: new Map(), ready: false };
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
    worker.on('error', (e) => this.onExit(slot, e));
    worker.on('exit', (code) => this.onExit(slot, new Error(`analysis worker stopped (exit code ${code})`)));
    return slot;
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    switch (m.type) {
      case 'ready':
        slot.ready = true;
        this.pipeline = m.pipeline;
        this.issues = m.issues;
        if (++this.readyCount === this.slots.length) this.readyResolve();
        this.pump();
        return;
      case 'fatal':
        this.readyReject(new AttacheError('ATT_E030', m.error));
        return;
      case 'batch':
        for (const r of m.results) this.onMessage(slot, r);
        this.pump();
        return;
      case 'done':
      case 'error': {
        const p = slot.inFlight.get(m.seq);
        if (!p) return;
        slot.inFlight.delete(m.seq);
        if (m.type === 'done') p.resolve(m.analysis);
        else p.reject(new Error(m.error));
        return;
      }
    }
  }

  private onExit(slot: Slot, e: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    for (const p of slot.inFlight.values()) p.reject(new Error(`analysis worker failed on this article: ${describeError(e)}`));
    slot.inFlight.clear();
    if (this.closing) return;
    if (!slot.ready) {
      this.readyReject(new AttacheError('ATT_E030', `analysis worker could not start: ${describeError(e)}`));
      return;
    }
    if (this.respawns++ < MAX_RESPAWNS) this.slots.push(this.spawn());
    else if (!this.slots.length) for (const q of this.queue.splice(0)) q.p.reject(new Error('every analysis worker failed'));
  }

  analyze(raw: RawArticle): Promise<Analysis> {
    return new Promise((resolve, reject) => {
      this.queue.push({ seq: ++this.seq, p: { resolve, reject, raw } });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready) continue;
      const room = PER_WORKER - slot.inFlight.size;
      if (room <= 0 || !this.queue.length) continue;
      const jobs = this.queue.splice(0, Math.min(room, 2));
      for (const j of jobs) slot.inFlight.set(j.seq, j.p);
      slot.worker.postMessage({ jobs: jobs.map((j) => ({ seq: j.seq, raw: j.p.raw })) } satisfies ToWorker);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
