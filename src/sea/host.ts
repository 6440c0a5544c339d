// The executable's first step, evaluated before any other module of cxzy (it
// is main.ts's first import): unpack cxzy's own files and the SQLite addon
// from the executable's assets into a cache folder, once per content, and say
// where they are through globalThis.cxzyHost (read by core/host.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getAsset } from 'node:sea';
import { Worker } from 'node:worker_threads';
import type { Host } from '../core/host.js';
import { cacheFolder } from '../core/cache-folder.js';
import { earlyLang } from '../cli/lang-arg.js';
import { t } from '../render/i18n/index.js';

const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/**
 * Writes `fill` into a temporary path and renames it to `path`, so that a
 * second cxzy starting at the same moment, or one stopped half-way, never
 * sees half a file. A path already there has the same content: its name has the hash.
 */
function once(path: string, fill: (tmp: string) => void): void {
  if (existsSync(path)) return;
  const tmp = `${path}.${process.pid}.tmp`;
  mkdirSync(dirname(path), { recursive: true });
  try {
    fill(tmp);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(path)) throw e;
  }
}

// Ctrl-C before cxzy proper starts: nothing is done yet (cli/interrupt.ts takes over from the command's start).
process.on('SIGINT', () => {
  process.stderr.write(`${t(earlyLang(process.argv.slice(2), process.env), 'interrupted')}\n`);
  process.exit(130);
});

const base = cacheFolder(process.env);

/** Unpacks cxzy's files and the addon, and loads the addon; the folder cxzy's files are in, and the addon. */
function unpack(): { root: string; sqlite: object; addonPath: string } {
  /** package.json, schemas/, templates/, examples/: { path: base64 } in one asset. */
  const filesAsset = new Uint8Array(getAsset('files.json'));
  const root = join(base, `files-${hashOf(filesAsset)}`);
  once(root, (tmp) => {
    const files = JSON.parse(Buffer.from(filesAsset).toString('utf8')) as Record<string, string>;
    for (const [path, data] of Object.entries(files)) {
      mkdirSync(dirname(join(tmp, path)), { recursive: true });
      writeFileSync(join(tmp, path), Buffer.from(data, 'base64'));
    }
  });
  const addon = new Uint8Array(getAsset('sqlite.node'));
  const addonPath = join(base, `better_sqlite3-${hashOf(addon)}.node`);
  once(addonPath, (tmp) => writeFileSync(tmp, addon));
  const sqlite = { exports: {} as object };
  process.dlopen(sqlite, addonPath);
  return { root, sqlite: sqlite.exports, addonPath };
}

let unpacked: { root: string; sqlite: object; addonPath: string };
try {
  unpacked = unpack();
} catch (e) {
  // The environment's problem (a full disk, a folder this user cannot write): say where, and how to choose another (exit 3).
  process.stderr.write(`${t(earlyLang(process.argv, process.env), 'cache_failed', { folder: base, reason: (e as Error).message })}\n`);
  process.exit(3);
}
const { root } = unpacked;

const worker = Buffer.from(getAsset('worker.js')).toString('utf8');
const prefetch = Buffer.from(getAsset('prefetch.js')).toString('utf8');

(globalThis as { cxzyHost?: Host }).cxzyHost = {
  root,
  bundled: true,
  sqlite: unpacked.sqlite,
  startWorker: (workerData) => new Worker(worker, { eval: true, workerData: { ...(workerData as object), cxzyRoot: root } }),
  // The second thread of a read command opens the database: it loads the addon from where it was unpacked.
  startPrefetch: (workerData, transferList) =>
    new Worker(prefetch, { eval: true, workerData: { ...(workerData as object), cxzyRoot: root, cxzyAddon: unpacked.addonPath }, transferList }),
};
