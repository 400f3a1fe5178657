/**
 * The files of a `batch`, each reviewed in a worker thread (review-worker.ts) under a memory limit and a time
 * limit: a file that runs out of memory or time ends its worker, which is replaced, and the file becomes its row
 * in the roll-up; the other files and the roll-up are unaffected. Workers are reused across
 * files, so the cost of starting one (loading ExcelJS) is paid once per worker, not per file.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { basename } from 'node:path';
import { dataFingerprint, forRollup, LIMITS, type LoadedRulebook, type Report } from '../core/index.js';
import { FileError, type FileErrorCode } from '../xlsx/errors.js';

/** A file to review, or (first, to a worker started before the rulebook was read) the rulebook. */
export type WorkerRequest = { id: number; file: string } | { rulebook: LoadedRulebook };

export interface WorkerReply {
  id: number;
  report?: Report;
  identity?: FileIdentity;
  error?: { code: FileErrorCode; file: string; params: Record<string, string | number | string[]> };
}

/** What tells one application from another (applicationIdentities): its data, and the original a reviewed copy names. */
export interface FileIdentity {
  fingerprint: string;
  copyOf: string | null;
  /** A reviewed copy whose summary holds scores or 回避 no tally wrote (said when it comes without its original). */
  holdsReview?: boolean;
}

/** A file's outcome: its report for the roll-up (and its identity), or the file error that becomes its row. */
export type Outcome = { report: Report; identity: FileIdentity } | { error: FileError };

/** The identity of a reviewed file: the committee's data fingerprint, and for a reviewed copy the original it names. */
export function fileIdentity(fr: { review: { inputs: Parameters<typeof dataFingerprint>[0]; lists: Parameters<typeof dataFingerprint>[1] }; meta: { review?: { source?: string } | null } | null; opened: { path: string } }): FileIdentity {
  const copyOf = fr.meta?.review ? (fr.meta.review.source ?? basename(fr.opened.path).replace(/\.reviewed(-\d+)?(\.xlsx)$/i, '$2')) : null;
  return { fingerprint: dataFingerprint(fr.review.inputs, fr.review.lists), copyOf };
}

export interface PoolOptions {
  /** Called as each file starts. */
  onStart?: (file: string) => void;
  /**
   * Workers at most (default 1; never more than the files). Each worker loads ExcelJS and warms up its own
   * compiled code: on this project's 2-core machine a second worker cost more CPU time than it saved. With more
   * than one, the memory guard cannot tell which file grew, and ends them all.
   */
  workers?: number;
  /** Per-file limits; the defaults are LIMITS.fileSeconds and LIMITS.batchMemoryMb (the process's resident memory). */
  seconds?: number;
  memoryMb?: number;
  /** A V8 heap limit for the workers, in MB (tests); by default none beyond V8's own, see LIMITS.batchMemoryMb. */
  heapMb?: number;
  /** The worker script (tests of the pool give the built one); default: found beside the CLI's entry. */
  workerUrl?: URL;
  /** A worker started earlier by `startWorker` (with the same workerUrl and heapMb), used for the first files. */
  started?: StartedWorker | null;
}

/** A worker started before the rulebook and the files are known: it loads ExcelJS while the command reads them. */
export interface StartedWorker {
  worker: Worker;
  /** Ends the worker when the command stops before reviewing (a refused output, a bad rulebook). */
  stop: () => Promise<void>;
}

/**
 * The built worker, beside the CLI's entry (lib/cli/) whether this code sits in lib/cli/ or in lib/chunks/.
 * null when running from the TypeScript sources (tests in one process): the files are then reviewed in-process.
 */
function workerFile(): URL | null {
  for (const rel of ['./review-worker.js', '../cli/review-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

function newWorker(url: URL, rb: LoadedRulebook | null, heapMb: number | undefined): Worker {
  const w = new Worker(url, { workerData: { rulebook: rb }, ...(heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {}) });
  // A worker's error between files (or while being ended) must not become the process's uncaught error.
  w.on('error', () => {});
  return w;
}

/**
 * Starts the first worker now, before the rulebook is read (it is posted when the files are): the worker's
 * module loading, the largest fixed cost of a batch, overlaps the command's own start. null when running from
 * the TypeScript sources (files are then reviewed in-process).
 */
export function startWorker(opts: Pick<PoolOptions, 'workerUrl' | 'heapMb'> = {}): StartedWorker | null {
  const url = opts.workerUrl ?? workerFile();
  if (!url) return null;
  const worker = newWorker(url, null, opts.heapMb);
  // Not kept alive by this worker alone: a command that stops early exits without waiting for it.
  worker.unref();
  return { worker, stop: () => worker.terminate().then(() => undefined) };
}

export async function reviewFiles(files: string[], rb: LoadedRulebook, opts: PoolOptions): Promise<Outcome[]> {
  const url = opts.workerUrl ?? workerFile();
  if (!url) return reviewInProcess(files, rb, opts);
  let started: Worker | null = null;
  if (opts.started) {
    started = opts.started.worker;
    started.ref();
    started.postMessage({ rulebook: rb } satisfies WorkerRequest);
  }
  const seconds = opts.seconds ?? LIMITS.fileSeconds;
  const memoryMb = opts.memoryMb ?? LIMITS.batchMemoryMb;
  const size = Math.max(1, Math.min(opts.workers ?? 1, files.length));
  const outcomes: Outcome[] = new Array<Outcome>(files.length);
  let next = 0;
  /** The files running now, each with the way to end it as over the memory limit. */
  const running = new Set<() => void>();
  const guard = setInterval(() => {
    if (process.memoryUsage.rss() > memoryMb * 1024 * 1024) for (const stop of running) stop();
  }, 50);

  const spawn = () => {
    // The worker started early serves the first lane; a replaced or further worker gets the rulebook at start.
    const w = started ?? newWorker(url, rb, opts.heapMb);
    started = null;
    return w;
  };

  /** One file in `worker`; resolves with the outcome and whether the worker is still usable. */
  const runOne = (worker: Worker, id: number): Promise<{ outcome: Outcome; alive: boolean }> =>
    new Promise((resolve) => {
      const file = files[id]!;
      const overMemory = () => new FileError('too-large', file, { what: 'memory', limit: opts.heapMb ?? memoryMb, actual: opts.heapMb ?? memoryMb });
      const stop = () => {
        finish({ error: overMemory() }, false);
        void worker.terminate();
      };
      const finish = (outcome: Outcome, alive: boolean) => {
        running.delete(stop);
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve({ outcome, alive });
      };
      const onMessage = (m: WorkerReply) => {
        if (m.id !== id) return;
        if (m.report) finish({ report: m.report, identity: m.identity ?? { fingerprint: '', copyOf: null } }, true);
        else finish({ error: new FileError(m.error!.code, m.error!.file, m.error!.params) }, true);
      };
      const onError = (e: Error & { code?: string }) => {
        finish({ error: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? overMemory() : new FileError('review-failed', file, { detail: e.message.slice(0, 200) }) }, false);
      };
      const onExit = (code: number) => finish({ error: new FileError('review-failed', file, { detail: `worker exited (${code})` }) }, false);
      const timer = setTimeout(() => {
        finish({ error: new FileError('too-large', file, { what: 'time', limit: seconds, actual: seconds }) }, false);
        void worker.terminate();
      }, seconds * 1000);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      running.add(stop);
      opts.onStart?.(file);
      worker.postMessage({ id, file } satisfies WorkerRequest);
    });

  const lane = async () => {
    let worker: Worker | null = null;
    try {
      while (next < files.length) {
        const id = next++;
        worker ??= spawn();
        const { outcome, alive } = await runOne(worker, id);
        outcomes[id] = outcome;
        if (!alive) {
          void worker.terminate();
          worker = null;
        }
      }
    } finally {
      if (worker) await worker.terminate();
    }
  };
  try {
    await Promise.all(Array.from({ length: size }, lane));
  } finally {
    clearInterval(guard);
    // Started but never used (no files): ended here.
    if (started) await (started as Worker).terminate();
  }
  return outcomes;
}

/** Without a built worker (running from the sources): one file after another, any failure becoming its row. */
async function reviewInProcess(files: string[], rb: LoadedRulebook, opts: PoolOptions): Promise<Outcome[]> {
  const [{ reviewFile }, { openWorkbook }, { copyHoldsReview }] = await Promise.all([import('../xlsx/workbook.js'), import('../xlsx/open.js'), import('../xlsx/round.js')]);
  const outcomes: Outcome[] = [];
  for (const file of files) {
    opts.onStart?.(file);
    try {
      const fr = await reviewFile(file, rb, await openWorkbook(file, { reviewOnly: true }));
      outcomes.push({ report: forRollup(fr.report), identity: { ...fileIdentity(fr), holdsReview: copyHoldsReview(fr) } });
    } catch (e) {
      outcomes.push({ error: e instanceof FileError ? e : new FileError('review-failed', file, { detail: e instanceof Error ? e.message.slice(0, 200) : String(e) }) });
    }
  }
  return outcomes;
}
