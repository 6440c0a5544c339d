// Opening the SQLite file: identity and version checks (exit 3 when it is not
// ours, is newer or is damaged), pragmas, migrations, and the recovery of an
// import that was interrupted. Every SQLite failure that is the environment's
// becomes an EnvError with a message that says what to do.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { EnvError } from '../core/errors.js';
import { host } from '../core/host.js';
import { STORED_TABLES } from './tables.js';
import { MIGRATIONS } from './schema.js';

export type DB = Database.Database;

/** The addon an executable has loaded; better-sqlite3 takes a loaded one as well as a path (lib/binding.js), though its types name only a path. */
const BINDING = host.sqlite as unknown as string | undefined;

/** 'CXZY' — set in every cxzy database so that other SQLite files are refused. */
export const APPLICATION_ID = 0x43585a59;
export const SCHEMA_VERSION = MIGRATIONS.length;
export const BUSY_TIMEOUT_MS = 5000;

/** The tables every cxzy database of the current version has. */
const TABLES = [...STORED_TABLES, 'meta', 'files', 'imports', 'notice_numbers', ...[...STORED_TABLES, 'files'].map((t) => `history_${t}`)];

/**
 * `name`: the database as the user named it, for messages. A database opened
 * to read is opened for writing where the file allows it, with writes refused
 * (query_only; `check` leaves them allowed for its own TEMP tables, which
 * query_only would refuse too): then an interrupted import is rolled back on
 * the way in, and no -wal or -shm file is left behind. A file this user cannot
 * write is read as it stands.
 */
export function openDb(path: string, mode: 'read' | 'check' | 'write', name = path): DB {
  if (mode !== 'write') {
    if (!existsSync(path)) throw new EnvError({ id: 'db_missing', params: { db: name, folder: dirname(resolve(path)) } });
    if (statSync(path).size === 0) throw new EnvError({ id: 'db_empty', params: { db: name } });
  }
  let db: DB | undefined;
  try {
    db = new Database(path, { fileMustExist: mode !== 'write', timeout: BUSY_TIMEOUT_MS, nativeBinding: BINDING });
    return prepare(db, path, mode, name);
  } catch (e) {
    db?.close();
    const code = (e as { code?: string }).code ?? '';
    if (mode !== 'write' && (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN')) return openImmutable(path, name);
    throw asEnvError(e, name);
  }
}

function prepare(db: DB, path: string, mode: 'read' | 'check' | 'write', name: string): DB {
  if (mode === 'read') db.pragma('query_only = ON');
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (appId !== APPLICATION_ID) {
    const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_master`).get() as { n: number };
    if (appId !== 0 || tables.n > 0) throw new EnvError({ id: 'db_not_cxzy', params: { db: name } });
  }
  if (version > SCHEMA_VERSION) throw new EnvError({ id: 'db_newer', params: { db: name, found: version, supported: SCHEMA_VERSION } });
  db.pragma('foreign_keys = ON');
  if (mode === 'write') {
    // Changing the journal mode does not wait for another writer, as statements do: wait for it here.
    untilFree(() => db.pragma('journal_mode = WAL'));
    db.pragma('synchronous = NORMAL');
    migrate(db, version, name);
  } else if (version < SCHEMA_VERSION) {
    if (version === 0) throw new EnvError({ id: 'db_missing', params: { db: name, folder: dirname(resolve(path)) } });
    // A database from an earlier cxzy: bring it up to date once, then read it.
    db.close();
    openDb(path, 'write', name).close();
    return openDb(path, mode, name);
  }
  checkTables(db, name);
  return db;
}

/**
 * A file this user cannot write, in a folder that cannot hold the WAL's files:
 * read a copy of it as it stands, in memory. A file still holding an
 * interrupted import, or committed pages not yet back in it, needs its owner.
 */
function openImmutable(path: string, name: string): DB {
  const pending = (suffix: string) => existsSync(`${path}${suffix}`) && statSync(`${path}${suffix}`).size > 0;
  if (pending('-journal') || pending('-wal')) throw new EnvError({ id: 'db_interrupted', params: { db: name } });
  let db: DB;
  try {
    const bytes = readFileSync(path);
    // A database in WAL mode is marked so in its header (bytes 18 and 19); a copy in memory has no WAL.
    if (bytes.length > 19 && bytes[18] === 2) bytes[18] = bytes[19] = 1;
    db = new Database(bytes, { readonly: true, nativeBinding: BINDING });
  } catch (e) {
    throw asEnvError(e, name);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new EnvError({ id: 'db_not_cxzy', params: { db: name } });
    if (version !== SCHEMA_VERSION) throw new EnvError({ id: 'db_readonly_old', params: { db: name } });
    checkTables(db, name);
    return db;
  } catch (e) {
    db.close();
    throw asEnvError(e, name);
  }
}

/** A database file and the files SQLite keeps beside it, gone: a database a failed or dry run created leaves nothing behind. */
export function removeDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/** Every table there: a file with cxzy's identity but not its tables is damaged. */
export function checkTables(db: DB, name: string): void {
  const have = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
  const missing = TABLES.filter((t) => !have.has(t));
  if (missing.length) throw new EnvError({ id: 'db_damaged', params: { db: name, reason: `no table ${missing.join(', ')}` } });
}

/** `f`, tried again while another connection holds the database, up to the busy timeout. */
export function untilFree<T>(f: () => T): T {
  const until = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      return f();
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }
}

function migrate(db: DB, from: number, name: string): void {
  if (from === SCHEMA_VERSION) return;
  // IMMEDIATE: a second import into a database being created waits its turn instead of failing at once.
  try {
    db.transaction(() => {
      for (let v = from; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
  } catch (e) {
    // A migration builds on the tables of the version before it: a file that claims the version without them is damaged.
    const reason = (e as Error).message;
    if (from > 0 && /no such table/.test(reason)) throw new EnvError({ id: 'db_damaged', params: { db: name, reason } });
    throw e;
  }
}

/** SQLite failures that are the environment's: locked, full, damaged, unreadable. */
export function asEnvError(e: unknown, name: string): unknown {
  if (e instanceof EnvError) return e;
  const code = (e as { code?: string }).code ?? '';
  const reason = (e as Error).message;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new EnvError({ id: 'db_locked', params: { db: name } });
  if (code === 'SQLITE_FULL') return new EnvError({ id: 'disk_full', params: { db: name } });
  if (code === 'SQLITE_NOTADB') return new EnvError({ id: 'db_not_cxzy', params: { db: name } });
  if (code.startsWith('SQLITE_CORRUPT')) return new EnvError({ id: 'db_damaged', params: { db: name, reason } });
  if (code.startsWith('SQLITE_')) return new EnvError({ id: 'db_unreadable', params: { db: name, reason } });
  return e;
}
