// Reads the files of an import on worker threads (or inline with none) and
// hands each result to the caller as it arrives. Each worker has at most two
// files in hand, so memory follows the largest files, not the whole batch.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { validator } from './schemas.js';
import { readFileRecords, type FileResult, type FileTask } from './file-records.js';
import type { Rules } from '../rules/types.js';

/** Workers for this machine: one per core, at most four; `CXZY_WORKERS` overrides (0 = inline). */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const asked = env.CXZY_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(16, Number(asked));
  return Math.min(4, availableParallelism());
}

/** Files a worker holds: one being read, one waiting, so it never idles while the writer is busy. */
const IN_HAND = 2;

/** `onResult` returns false to stop early (the batch is invalid). */
export async function readFiles(tasks: FileTask[], pledges: Rules['pledges'], workers: number, onResult: (r: FileResult) => boolean): Promise<void> {
  const n = Math.min(workers, tasks.length);
  if (n <= 1) {
    // One worker would only add copying: read inline.
    const validate = validator('document');
    for (const t of tasks) if (!onResult(readFileRecords(t, validate, pledges))) return;
    return;
  }
  const pool = Array.from({ length: n }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: { pledges } }));
  let next = 0;
  let stop = false;
  try {
    await new Promise<void>((resolve, reject) => {
      let busy = 0;
      const feed = (w: Worker) => {
        if (stop || next >= tasks.length) return;
        busy++;
        w.postMessage(tasks[next++]);
      };
      for (const w of pool) {
        w.on('message', (r: FileResult) => {
          busy--;
          // Hand the worker its next file before handling this one, so it never waits on the writer.
          feed(w);
          try {
            if (!stop && !onResult(r)) stop = true;
          } catch (e) {
            stop = true;
            reject(e);
          }
          if (busy === 0 && (stop || next >= tasks.length)) resolve();
        });
        w.on('error', reject);
        for (let i = 0; i < IN_HAND; i++) feed(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
