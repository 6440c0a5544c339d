// Reads the files of a batch on worker threads and on the calling thread, and
// hands each result to the caller as it arrives. The calling thread reads a
// file whenever every worker has its hands full, so no core idles while a
// worker starts or the writer waits. Each worker has a few files (or a few
// dozen pieces of a cut file) in hand, so memory follows the largest files,
// not the whole batch; a workbook's share fills a worker's hand, so a
// workbook's shares go to different threads (`jobWeight`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { host } from '../core/host.js';
import { envCount } from '../core/env.js';
import { documentValidator } from './schemas.js';
import { HAND, jobsIn, jobWeight, readJob, ReadQueue, type Early, type JobResult } from './queue.js';
import type { FileResult, FileTask, ReadRules } from './task.js';

/** The compiled worker beside this module (a function: a bundled executable has no module URL). */
const workerFile = () => fileURLToPath(new URL('./worker.js', import.meta.url));

const startWorker = (workerData: unknown): Worker => (host.startWorker ? host.startWorker(workerData) : new Worker(workerFile(), { workerData }));

/**
 * Worker threads for this machine: one per core beside the calling thread, at
 * most four; `CXZY_WORKERS` overrides (0 = the calling thread alone). None
 * when running from the TypeScript sources (the tests), where there is no
 * compiled worker to start.
 */
export function workerCount(env: NodeJS.ProcessEnv): number {
  if (!host.startWorker && !existsSync(workerFile())) return 0;
  const asked = envCount(env, 'CXZY_WORKERS');
  if (asked !== null) return Math.min(16, asked);
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** `onResult` returns false to stop early; `early` is told a cut file's pieces as they come (ReadQueue). */
export async function readFiles(
  tasks: FileTask[],
  rules: ReadRules,
  { workers, pieceBytes }: { workers: number; pieceBytes: number },
  onResult: (r: FileResult) => boolean,
  early: Early | null = null,
): Promise<void> {
  const validate = documentValidator();
  const n = Math.min(workers, (tasks.length > workers ? tasks.length : jobsIn(tasks, pieceBytes)) - 1);
  const queue = new ReadQueue(tasks, pieceBytes, Math.max(1, n + 1), early);
  // A workbook is streamed: its result may come later.
  const inline = async () => queue.settle(await readJob(queue.take(), validate, rules));
  let stop = false;
  if (n < 1) {
    while (!stop && queue.more) {
      const r = await inline();
      if (r) stop = !onResult(r);
    }
    return;
  }
  const pool = Array.from({ length: n }, () => startWorker({ rules }));
  // What each job a worker holds counts in its hand, in the order handed (a worker answers in that order).
  const hands = new Map<Worker, number[]>(pool.map((w) => [w, []]));
  const held = (w: Worker) => hands.get(w)!.reduce((n, k) => n + k, 0);
  try {
    await new Promise<void>((resolve, reject) => {
      const settle = (r: FileResult | null) => {
        if (r && !stop && !onResult(r)) stop = true;
      };
      const feed = (w: Worker) => {
        while (!stop && queue.more && held(w) < HAND) {
          const job = queue.take();
          hands.get(w)!.push(jobWeight(job));
          w.postMessage(job);
        }
      };
      const done = () => [...hands.values()].every((h) => h.length === 0) && (stop || !queue.more);
      // Between workers' results, this thread reads a file of its own, then lets their results in.
      let scheduled = false;
      const mayRead = () => !stop && queue.more;
      const schedule = () => {
        if (scheduled || !mayRead()) return;
        scheduled = true;
        setImmediate(own);
      };
      // `scheduled` stays set while this thread reads: one file at a time here, as in each worker.
      const own = async () => {
        try {
          if (mayRead()) settle(await inline());
          scheduled = false;
          if (done()) resolve();
          else schedule();
        } catch (e) {
          stop = true;
          reject(e);
        }
      };
      for (const w of pool) {
        w.on('message', (r: JobResult) => {
          hands.get(w)!.shift();
          // Hand the worker its next file before handling this one, so it never waits on the writer.
          feed(w);
          try {
            settle(queue.settle(r));
          } catch (e) {
            stop = true;
            reject(e);
          }
          if (done() && !scheduled) resolve();
          else schedule();
        });
        w.on('error', reject);
        feed(w);
      }
      schedule();
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
