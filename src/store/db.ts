// Opening the SQLite file: identity and version checks (exit 3 when it is not
// ours or is newer), pragmas, and migrations.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { EnvError } from '../core/errors.js';
import { MIGRATIONS } from './schema.js';

export type DB = Database.Database;

/** 'CXZY' — set in every cxzy database so that other SQLite files are refused. */
export const APPLICATION_ID = 0x43585a59;
export const SCHEMA_VERSION = MIGRATIONS.length;
export const BUSY_TIMEOUT_MS = 5000;

/** `name`: the database as the user named it, for messages. */
export function openDb(path: string, mode: 'read' | 'write', name = path): DB {
  if (mode === 'read' && !existsSync(path)) throw new EnvError({ id: 'db_missing', params: { db: name } });
  let db: DB;
  try {
    db = new Database(path, { readonly: mode === 'read', fileMustExist: mode === 'read', timeout: BUSY_TIMEOUT_MS });
  } catch (e) {
    throw new EnvError({ id: 'db_unreadable', params: { db: name, reason: (e as Error).message } });
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_master`).get() as { n: number };
      if (appId !== 0 || tables.n > 0) throw new EnvError({ id: 'db_not_cxzy', params: { db: name } });
    }
    if (version > SCHEMA_VERSION) {
      throw new EnvError({ id: 'db_newer', params: { db: name, found: version, supported: SCHEMA_VERSION } });
    }
    db.pragma('foreign_keys = ON');
    if (mode === 'write') {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db, version);
    } else if (version < SCHEMA_VERSION) {
      if (version === 0) throw new EnvError({ id: 'db_missing', params: { db: name } });
      // A database from an earlier cxzy: bring it up to date once, then read it.
      db.close();
      openDb(path, 'write', name).close();
      return openDb(path, 'read', name);
    }
    return db;
  } catch (e) {
    db.close();
    throw asEnvError(e, name);
  }
}

function migrate(db: DB, from: number): void {
  if (from === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

/** SQLite failures that are the environment's: locked, not a database, unreadable. */
export function asEnvError(e: unknown, name: string): unknown {
  if (e instanceof EnvError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new EnvError({ id: 'db_locked', params: { db: name } });
  if (code === 'SQLITE_NOTADB') return new EnvError({ id: 'db_not_cxzy', params: { db: name } });
  if (code.startsWith('SQLITE_')) return new EnvError({ id: 'db_unreadable', params: { db: name, reason: (e as Error).message } });
  return e;
}
