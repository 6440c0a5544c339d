// A worker inside the executable: the folder of cxzy's files (and, for a thread that opens the database, the SQLite addon) comes from the thread that started it.
import { workerData } from 'node:worker_threads';
import type { Host } from '../core/host.js';

const { cxzyRoot, cxzyAddon } = workerData as { cxzyRoot: string; cxzyAddon?: string };
/** The SQLite addon, loaded in this thread too where the thread opens the database (a read command's second thread). */
function sqlite(path: string): object {
  const addon = { exports: {} as object };
  process.dlopen(addon, path);
  return addon.exports;
}
(globalThis as { cxzyHost?: Host }).cxzyHost = { root: cxzyRoot, bundled: true, ...(cxzyAddon ? { sqlite: sqlite(cxzyAddon) } : {}) };
