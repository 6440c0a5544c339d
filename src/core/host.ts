// Where cxzy runs from. From its package folder (bin/cxzy, the tests) its own
// files lie beside dist/ and src/. As one executable (`npm run dist`),
// src/sea/ unpacks them to a cache folder, loads the SQLite addon from there
// and sets `globalThis.cxzyHost` before any other module of cxzy is evaluated.
import { fileURLToPath } from 'node:url';
import type { Transferable, Worker } from 'node:worker_threads';

export interface Host {
  /** The folder holding package.json, schemas/, templates/ and examples/. */
  root: string;
  /** Starts a read worker; absent from the package folder, where dist/read/worker.js is started. */
  startWorker?: (workerData: unknown) => Worker;
  /** Starts a read command's second thread (store/prefetch.ts); absent from the package folder, where dist/store/prefetch-worker.js is started. */
  startPrefetch?: (workerData: unknown, transferList: Transferable[]) => Worker;
  /** The functions a second thread runs as tasks, by name: a bundled script has no module to import them from. */
  tasks?: Record<string, (...args: never[]) => unknown>;
  /** better-sqlite3's addon, already loaded (an executable cannot require it from inside itself). */
  sqlite?: object;
  /** One bundled script: its exceljs has the fixed sheet reader built in (scripts/dist.mjs). */
  bundled: boolean;
}

const given = (globalThis as { cxzyHost?: Host }).cxzyHost;

export const host: Host = given ?? { root: fileURLToPath(new URL('../../', import.meta.url)), bundled: false };
