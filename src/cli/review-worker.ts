/**
 * One file of a `batch` reviewed in a worker thread (the risky part: open, read, review), so that a runaway file
 * — memory or time — ends this worker, never the batch: the pool (pool.ts) turns it into that file's row.
 * Built by scripts/build-cli.js as lib/cli/review-worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { forRollup, type LoadedRulebook } from '../core/index.js';
import { FileError } from '../xlsx/errors.js';
import { fileIdentity, type WorkerReply, type WorkerRequest } from './pool.js';

// The rulebook as the main thread loaded and validated it (plain data and maps, copied into this thread): given
// at start, or as the first message to a worker started before the rulebook was read (pool.ts, startWorker).
let rb = (workerData as { rulebook: LoadedRulebook | null }).rulebook;
// ExcelJS is loaded once per worker, not per file.
const [{ reviewFile }, { openWorkbook }, { copyHoldsReview }] = await Promise.all([import('../xlsx/workbook.js'), import('../xlsx/open.js'), import('../xlsx/round.js')]);

parentPort!.on('message', (req: WorkerRequest) => {
  if ('rulebook' in req) {
    rb = req.rulebook;
    return;
  }
  void (async () => {
    let reply: WorkerReply;
    try {
      // Opened for reading only: the batch never writes an application back.
      const fr = await reviewFile(req.file, rb!, await openWorkbook(req.file, { reviewOnly: true }));
      reply = { id: req.id, report: forRollup(fr.report), identity: { ...fileIdentity(fr), holdsReview: copyHoldsReview(fr) } };
    } catch (e) {
      reply =
        e instanceof FileError
          ? { id: req.id, error: { code: e.code, file: e.file, params: e.params } }
          : { id: req.id, error: { code: 'review-failed', file: req.file, params: { detail: e instanceof Error ? e.message.slice(0, 200) : String(e) } } };
    }
    parentPort!.postMessage(reply);
  })();
});
