// Reads the files of an import on worker threads (or inline with none) and
// hands each result to the caller as it arrives. Each worker has at most one
// file in hand, so memory follows the largest files, not the whole batch.
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
        if (stop || next >= tasks.length) {
          if (busy === 0) resolve();
          return;
        }
        busy++;
        w.postMessage(tasks[next++]);
      };
      for (const w of pool) {
        w.on('message', (r: FileResult) => {
          busy--;
          try {
            if (!stop && !onResult(r)) stop = true;
          } catch (e) {
            stop = true;
            reject(e);
          }
          feed(w);
        });
        w.on('error', reject);
        feed(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
