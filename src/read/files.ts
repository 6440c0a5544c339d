// Command-line paths → the list of data files, and reading one file to text.
// A file is named as the user gave it (relative to where cxzy runs); it is
// opened at its absolute path.
import { readdirSync, readFileSync, type Stats, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { decode } from './decode.js';
import { MAX_FILE_BYTES } from './limits.js';
import type { Msg } from '../core/messages/index.js';

/** Spreadsheets cxzy cannot read: they are to be saved as .xlsx. */
export const OLD_SHEETS = /\.(xls|et|csv)$/i;

export interface InputFile {
  /** As shown in messages and stored as a record's source. */
  file: string;
  /** Where it is opened. */
  path: string;
}

export interface PathProblem {
  file: string;
  msg: Msg;
}

/**
 * Files in argument order; folders searched recursively for *.yaml, *.yml and *.xlsx in
 * sorted path order. `skipped`: per folder given, the files in it that are not
 * data files (hidden files, Office's ~$ lock files and the rules file aside);
 * an old spreadsheet (.xls, .et, .csv) in a folder is a problem, as when named.
 */
export function expandPaths(paths: string[], cwd: string): { files: InputFile[]; problems: PathProblem[]; skipped: { folder: string; files: string[] }[] } {
  const files: InputFile[] = [];
  const problems: PathProblem[] = [];
  const skipped: { folder: string; files: string[] }[] = [];
  const seen = new Set<string>();
  const add = (f: InputFile) => {
    if (!seen.has(f.path)) {
      seen.add(f.path);
      files.push(f);
    }
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st: Stats;
    try {
      st = statSync(abs);
    } catch {
      problems.push({ file: p, msg: { id: 'not_found' } });
      continue;
    }
    if (st.isDirectory()) {
      const other: string[] = [];
      const found = walk(p, abs, other);
      // An old spreadsheet in the inbox holds a branch's records cxzy cannot read: an error, as when it is named, never a file passed over.
      const sheets = other.filter((f) => OLD_SHEETS.test(f));
      for (const f of sheets) problems.push({ file: f, msg: { id: 'xlsx_old_format', params: { ext: extname(f).toLowerCase() } } });
      const rest = other.filter((f) => !OLD_SHEETS.test(f));
      if (found.length === 0 && sheets.length === 0) problems.push({ file: p, msg: { id: 'no_yaml_files' } });
      else if (rest.length) skipped.push({ folder: p, files: rest });
      found.forEach(add);
    } else if (OLD_SHEETS.test(p)) {
      problems.push({ file: p, msg: { id: 'xlsx_old_format', params: { ext: extname(p).toLowerCase() } } });
    } else {
      add({ file: p, path: abs });
    }
  }
  return { files, problems, skipped };
}

function walk(dir: string, abs: string, other: string[]): InputFile[] {
  const out: InputFile[] = [];
  const entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const file = join(dir, e.name);
    const path = join(abs, e.name);
    if (e.isDirectory()) out.push(...walk(file, path, other));
    // The rules file beside the data is rules, not records.
    else if (e.isFile() && /\.(ya?ml|xlsx)$/i.test(e.name) && e.name !== 'cxzy.rules.yaml') out.push({ file, path });
    else if (e.isFile() && e.name !== 'cxzy.rules.yaml' && !/\.db(-wal|-shm|-journal)?$/.test(e.name)) other.push(file);
  }
  return out;
}

export type ReadResult = { ok: true; text: string; gbk: boolean; bytes: number; raw: Buffer } | { ok: false; msg: Msg };

export function readText(path: string): ReadResult {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return { ok: false, msg: { id: 'too_large', params: { size: mib(size), limit: mib(MAX_FILE_BYTES) } } };
    bytes = readFileSync(path);
  } catch (e) {
    return { ok: false, msg: { id: 'read_failed', params: { reason: (e as NodeJS.ErrnoException).code ?? String(e) } } };
  }
  const d = decode(bytes);
  if (!d.ok) return { ok: false, msg: { id: d.reason } };
  return { ok: true, text: d.text, gbk: d.encoding === 'gb18030', bytes: bytes.length, raw: bytes };
}

function mib(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
