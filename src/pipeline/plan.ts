// The pipeline's plan step: the files a batch names, and which of them an
// earlier import already read, unchanged, under the same rules (their rows
// stand as stored; they are not read again). The same file named another way
// (its folder given absolute, then relative, or moved: the same file name and
// content) is known once read, by its hash (`earlier`): SPEC §3 skips a file
// imported before with the same content; hashing every file up front would
// read each twice.
import { expandPaths, type InputFile } from '../read/files.js';
import { hashFile, type FileResult } from '../read/task.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { wholeFile } from '../core/diagnostic.js';
import type { Section } from '../core/model.js';
import type { DB } from '../store/db.js';
import { basename } from 'node:path';

/** What an imported file contributed, kept so an unchanged file need not be read again. */
export interface FileSummary {
  counts: Partial<Record<Section, number>>;
  /** Quarters per period-scoped section, for --replace. */
  periods: Partial<Record<Section, string[]>>;
  /** The quarters the file names as its own (FileResult.named); absent in summaries kept before it was. */
  named?: string[];
  warnings: Diagnostic[];
  /** A workbook's sheets and columns, and the names written beside its codes. */
  sheets?: FileResultOk['sheets'];
  names?: FileResultOk['names'];
}

type FileResultOk = Extract<FileResult, { status: 'ok' }>;

export interface Plan {
  files: InputFile[];
  /** Paths that name nothing to read, as errors. */
  problems: Diagnostic[];
  /** Files read before and unchanged since, by index, with their hash and what they contributed. */
  skipped: Map<number, { hash: string; summary: FileSummary }>;
  /** The files imported before, by file name and content hash (`earlierKey`): what a file read now turns out to be. */
  earlier: Map<string, { stored: string; summary: () => FileSummary }>;
  /** Files in the folders named that are not data files, as warnings. */
  others: Diagnostic[];
}

/** A file as `Plan.earlier` knows it: its name without the folder, and its content's hash. */
export const earlierKey = (file: string, hash: string) => `${basename(file)}\u0000${hash}`;

/** `exclude`: files as named (InputFile.file) that `import --skip-invalid` leaves out, with any problem of theirs. */
export function plan(paths: string[], cwd: string, db: DB, rulesKey: string, exclude: ReadonlySet<string> = new Set()): Plan {
  const expanded = expandPaths(paths, cwd);
  const { skipped: others, renamed } = expanded;
  const files = expanded.files.filter((f) => !exclude.has(f.file));
  const problems = expanded.problems.filter((p) => !exclude.has(p.file));
  const rows = db.prepare('SELECT path, hash, summary FROM main.files WHERE rules = ?').raw().all(rulesKey) as [string, string, string][];
  const known = new Map(rows.map(([path, hash, summary]) => [path, { hash, summary }]));
  const skipped: Plan['skipped'] = new Map();
  files.forEach((f, i) => {
    const k = known.get(f.file);
    if (k && hashFile(f.path) === k.hash) skipped.set(i, { hash: k.hash, summary: JSON.parse(k.summary) as FileSummary });
  });
  const earlier = new Map(rows.map(([path, hash, summary]) => [earlierKey(path, hash), { stored: path, summary: () => JSON.parse(summary) as FileSummary }]));
  return {
    files,
    earlier,
    problems: problems.map((p) => ({ severity: 'error', ...wholeFile(p.file), path: null, code: 'file', msg: p.msg })),
    skipped,
    others: [
      ...others.map(
        ({ folder, files: list }): Diagnostic => ({
          severity: 'warning',
          ...wholeFile(folder),
          path: null,
          code: 'skipped',
          msg: { id: 'skipped_files', params: { folder, n: list.length, list: list.slice(0, 5).join('、') + (list.length > 5 ? ' …' : '') } },
        }),
      ),
      ...renamed.map(
        ({ file, guess }): Diagnostic => ({
          severity: 'warning',
          ...wholeFile(file),
          path: null,
          code: 'name_not_utf8',
          msg: { id: 'name_not_utf8', params: { guess } },
        }),
      ),
    ],
  };
}
