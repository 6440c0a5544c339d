// The pipeline's plan step: the files a batch names, and which of them an
// earlier import already read, unchanged, under the same rules (their rows
// stand as stored; they are not read again) — under the same name, or the
// same file named another way (its folder given absolute, then relative, or
// moved): the same file name and content (SPEC §3: a file imported before with
// the same content is skipped).
import { expandPaths, type InputFile } from '../read/files.js';
import { hashFile, type FileResult } from '../read/task.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { wholeFile } from '../core/diagnostic.js';
import type { Section } from '../core/model.js';
import type { DB } from '../store/db.js';
import { basename } from 'node:path';
import { groupBy } from '../core/collections.js';

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
  /** Files read before and unchanged since, by index, with their hash, what they contributed and the name their rows are stored under. */
  skipped: Map<number, { hash: string; summary: FileSummary; stored: string }>;
  /** Files in the folders named that are not data files, as warnings. */
  others: Diagnostic[];
}

/** `exclude`: files as named (InputFile.file) that `import --skip-invalid` leaves out, with any problem of theirs. */
export function plan(paths: string[], cwd: string, db: DB, rulesKey: string, exclude: ReadonlySet<string> = new Set()): Plan {
  const expanded = expandPaths(paths, cwd);
  const { skipped: others, renamed } = expanded;
  const files = expanded.files.filter((f) => !exclude.has(f.file));
  const problems = expanded.problems.filter((p) => !exclude.has(p.file));
  const rows = db.prepare('SELECT path, hash, summary FROM main.files WHERE rules = ?').raw().all(rulesKey) as [string, string, string][];
  const known = new Map(rows.map(([path, hash, summary]) => [path, { hash, summary }]));
  const byName = groupBy(rows, ([path]) => basename(path));
  const skipped: Plan['skipped'] = new Map();
  files.forEach((f, i) => {
    const k = known.get(f.file);
    if (k) {
      if (hashFile(f.path) === k.hash) skipped.set(i, { hash: k.hash, summary: JSON.parse(k.summary) as FileSummary, stored: f.file });
      return;
    }
    const same = byName.get(basename(f.file));
    if (!same) return;
    const hash = hashFile(f.path);
    const earlier = same.find(([, h]) => h === hash);
    if (earlier && hash !== null) skipped.set(i, { hash, summary: JSON.parse(earlier[2]) as FileSummary, stored: earlier[0] });
  });
  return {
    files,
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
