// Reads the files of a batch on worker threads (or inline with none) and
// hands each result to the caller as it arrives. Each worker has at most two
// files in hand, so memory follows the largest files, not the whole batch.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { documentValidator } from './schemas.js';
import { readFile, type FileResult, type FileTask, type ReadRules } from './file.js';

const WORKER = new URL('./worker.js', import.meta.url);

/**
 * Workers for this machine: one per core, at most four; `CXZY_WORKERS`
 * overrides (0 = inline). None when running from the TypeScript sources
 * (the tests), where there is no compiled worker to start.
 */
export function workerCount(env: NodeJS.ProcessEnv): number {
  if (!existsSync(fileURLToPath(WORKER))) return 0;
  const asked = env.CXZY_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(16, Number(asked));
  return Math.min(4, availableParallelism());
}

/** Files a worker holds: one being read, one waiting, so it never idles while the writer is busy. */
const IN_HAND = 2;

/** `onResult` returns false to stop early. */
export async function readFiles(tasks: FileTask[], rules: ReadRules, workers: number, onResult: (r: FileResult) => boolean): Promise<void> {
  const n = Math.min(workers, tasks.length);
  if (n <= 1) {
    // One worker would only add copying: read inline.
    const validate = documentValidator();
    for (const t of tasks) if (!onResult(readFile(t, validate, rules))) return;
    return;
  }
  const pool = Array.from({ length: n }, () => new Worker(WORKER, { workerData: { rules } }));
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
