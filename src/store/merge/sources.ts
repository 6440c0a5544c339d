// The sources of a merge, as the user named them: each one checked to be a
// cxzy database of this version that is not the target, opened read-only, and
// given its prefix (SPEC §3 "Merge") and the label its rows' sources carry.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DataError, EnvError, UsageError } from '../../core/errors.js';
import { host } from '../../core/host.js';
import { loadRules, RULES_FILE } from '../../read/rules.js';
import { APPLICATION_ID, asEnvError, checkTables, SCHEMA_VERSION } from '../db.js';

export interface MergeSource {
  /** As the user named it, for messages. */
  name: string;
  /** Absolute. */
  path: string;
  /** What its rows' sources start with (`label:file`): the file's name, or as much of its path as tells it from the run's other sources. */
  label: string;
  /** Every code and id of the source is written `prefix.CODE`; null: kept as it is. */
  prefix: string | null;
  /** Whether this run gave the prefix (NAME=PATH, --prefix), or it was not said. */
  prefixGiven: boolean;
  /** The id its database was created with (meta): a source is known by it, wherever its file is. */
  id: string;
  /** Its office's area (office.area beside it), which names its orgs where names repeat across sources. */
  area: string | null;
}

export const PREFIX = /^[A-Za-z0-9]{1,12}$/;

/** `NAME=PATH` gives a source its prefix; an argument that is itself a file is a path, `=` or not. */
function splitArg(arg: string, cwd: string): { name: string; prefix: string | null } {
  const eq = arg.indexOf('=');
  if (eq <= 0 || existsSync(resolve(cwd, arg))) return { name: arg, prefix: null };
  const prefix = arg.slice(0, eq);
  const name = arg.slice(eq + 1);
  if (!PREFIX.test(prefix)) throw new UsageError({ id: 'mg_prefix_bad', params: { prefix, db: name } });
  return { name, prefix };
}

/** The same file, however it is named (a link, another spelling of the path). */
function sameFile(a: string, b: string): boolean {
  if (!existsSync(a) || !existsSync(b)) return false;
  if (realpathSync(a) === realpathSync(b)) return true;
  const [x, y] = [statSync(a), statSync(b)];
  return x.dev === y.dev && x.ino === y.ino;
}

/** Opens a source read-only to see that it is a whole cxzy database of this version, and reads its id; nothing is written to it. */
function checkSource(path: string, name: string): string {
  if (!existsSync(path)) throw new EnvError({ id: 'mg_source_missing', params: { db: name } });
  if (statSync(path).size === 0) throw new EnvError({ id: 'db_not_cxzy', params: { db: name } });
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: host.sqlite as unknown as string | undefined });
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new EnvError({ id: 'db_not_cxzy', params: { db: name } });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new EnvError({ id: 'db_newer', params: { db: name, found: version, supported: SCHEMA_VERSION } });
    if (version < SCHEMA_VERSION) throw new EnvError({ id: 'mg_source_old', params: { db: name } });
    checkTables(db, name);
    return String(db.prepare("SELECT value FROM meta WHERE key = 'id'").pluck().get());
  } catch (e) {
    throw asEnvError(e, name);
  } finally {
    db?.close();
  }
}

/** The office settings of the rules beside a source, if it has any. */
function officeOf(path: string, cwd: string): { code?: string; area?: string } {
  const file = join(dirname(path), RULES_FILE);
  if (!existsSync(file)) return {};
  const r = loadRules(file, cwd);
  if (!r.ok) throw new DataError({ id: 'mg_rules_bad', params: { file } });
  return r.rules.office;
}

/** A source's prefix under --prefix: the one it was given, else its office.code, else its file name's stem. */
function prefixOf(name: string, path: string, code: string | undefined): string {
  if (code !== undefined) return code;
  const stem = basename(path, extname(path));
  if (PREFIX.test(stem)) return stem;
  throw new UsageError({ id: 'mg_prefix_needed', params: { db: name, stem } });
}

/** Labels: each file's name, or, where two share it, as many of the path's last parts as tell them apart. */
function labels(paths: string[]): string[] {
  const parts = paths.map((p) => p.split(/[\\/]/).filter(Boolean));
  return parts.map((mine, i) => {
    for (let n = 1; n < mine.length; n++) {
      const tail = mine.slice(-n).join('/');
      if (parts.every((other, j) => j === i || other.slice(-n).join('/') !== tail)) return tail;
    }
    return mine.join('/');
  });
}

/** The sources of `args`, checked; `prefixAll`: --prefix. */
export function resolveSources(args: string[], cwd: string, target: string, prefixAll: boolean): MergeSource[] {
  const given = args.map((a) => splitArg(a, cwd));
  const paths = given.map((g) => resolve(cwd, g.name));
  const sources = given.map((g, i): MergeSource => {
    const path = paths[i];
    if (sameFile(path, target)) throw new UsageError({ id: 'mg_source_self', params: { db: g.name } });
    if (paths.some((p, j) => j < i && sameFile(p, path))) throw new UsageError({ id: 'mg_source_twice', params: { db: g.name } });
    const id = checkSource(path, g.name);
    const needed = g.prefix == null && prefixAll;
    // Its office gives its area (for names repeated across counties) and, under --prefix, its prefix: a broken
    // rules file beside the source is an error only when it must give the prefix.
    let office: { code?: string; area?: string } = {};
    try {
      office = officeOf(path, cwd);
    } catch (e) {
      if (needed) throw e;
    }
    const prefix = g.prefix ?? (needed ? prefixOf(g.name, path, office.code) : null);
    return { name: g.name, path, label: '', prefix, prefixGiven: prefix !== null, id, area: office.area ?? null };
  });
  const names = labels(paths);
  sources.forEach((s, i) => {
    s.label = names[i];
    const other = sources.find((o, j) => j < i && o.prefix !== null && o.prefix === s.prefix);
    if (other) throw new UsageError({ id: 'mg_prefix_twice', params: { prefix: s.prefix!, a: other.name, b: s.name } });
  });
  return sources;
}
