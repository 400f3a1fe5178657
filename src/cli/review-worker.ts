/**
 * One file of a `batch` reviewed in a worker thread (the risky part: open, read, review), so that a runaway file
 * — memory or time — ends this worker, never the batch: the pool (pool.ts) turns it into that file's row.
 * Built by scripts/build-cli.js as lib/cli/review-worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { forRollup, type Lang } from '../core/index.js';
import { FileError } from '../xlsx/errors.js';
import { rulebookFrom } from './common.js';
import type { WorkerReply, WorkerRequest } from './pool.js';

const { rulebook, lang } = workerData as { rulebook: string | null; lang: Lang };
// The main thread has loaded this rulebook already, so it loads here too; ExcelJS is loaded once per worker.
const rb = await rulebookFrom(rulebook ?? undefined, lang);
const { reviewFile } = await import('../xlsx/workbook.js');

parentPort!.on('message', (req: WorkerRequest) => {
  void (async () => {
    let reply: WorkerReply;
    try {
      const fr = await reviewFile(req.file, rb);
      reply = { id: req.id, report: forRollup(fr.report) };
    } catch (e) {
      reply =
        e instanceof FileError
          ? { id: req.id, error: { code: e.code, file: e.file, params: e.params } }
          : { id: req.id, error: { code: 'review-failed', file: req.file, params: { detail: e instanceof Error ? e.message.slice(0, 200) : String(e) } } };
    }
    parentPort!.postMessage(reply);
  })();
});
