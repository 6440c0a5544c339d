// Command-line paths → the list of data files, and reading one file to text.
// A file is named as the user gave it (relative to where cxzy runs); it is
// opened at its absolute path.
import { readdirSync, readFileSync, type Stats, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { rawName, withRawNames } from './raw-names.js';
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
export function expandPaths(
  paths: string[],
  cwd: string,
): { files: InputFile[]; problems: PathProblem[]; skipped: { folder: string; files: string[] }[]; renamed: { file: string; guess: string }[] } {
  const files: InputFile[] = [];
  const problems: PathProblem[] = [];
  const skipped: { folder: string; files: string[] }[] = [];
  const renamed: { file: string; guess: string }[] = [];
  const seen = new Set<string>();
  const add = (f: InputFile) => {
    if (!seen.has(f.path)) {
      seen.add(f.path);
      files.push(f);
    }
  };
  for (const given of paths) {
    let p = given;
    let abs = resolve(cwd, p);
    let st: Stats;
    try {
      st = statSync(abs);
    } catch {
      // A name whose bytes are not UTF-8 (GBK, from a Windows zip) reaches cxzy with them replaced: find it in its folder.
      const raw = given.includes('\uFFFD') ? rawName(dirname(abs), basename(abs)) : null;
      if (raw === null) {
        problems.push({ file: given, msg: { id: 'not_found' } });
        continue;
      }
      p = join(dirname(given), raw.shown);
      abs = raw.path;
      renamed.push({ file: p, guess: raw.guess });
      st = statSync(abs);
    }
    if (st.isDirectory()) {
      const other: string[] = [];
      const found = walk(p, abs, other, renamed);
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
  return { files, problems, skipped, renamed };
}

function walk(dir: string, abs: string, other: string[], renamed: { file: string; guess: string }[]): InputFile[] {
  const out: InputFile[] = [];
  for (const e of withRawNames(abs, readdirSync(abs, { withFileTypes: true, encoding: 'buffer' }))) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const file = join(dir, e.name);
    const path = e.path;
    if (e.guess !== null) renamed.push({ file, guess: e.guess });
    if (e.dirent.isDirectory()) out.push(...walk(file, path, other, renamed));
    // The rules file beside the data is rules, not records.
    else if (e.dirent.isFile() && /\.(ya?ml|xlsx)$/i.test(e.name) && e.name !== 'cxzy.rules.yaml') out.push({ file, path });
    else if (e.dirent.isFile() && e.name !== 'cxzy.rules.yaml' && !/\.db(-wal|-shm|-journal)?$/.test(e.name)) other.push(file);
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
