// import --skip-invalid (SPEC §3): an inbox, not all or nothing. The batch is
// checked as the import would check it (a resubmission not said to replace or
// add is an error there); every file an error is placed in is left out, and
// the rest checked again, until what remains holds together (a file that depended on a
// left-out one is then left out in its turn). What remains is imported as
// any batch is, in one transaction.
import type { Diagnostic } from '../core/diagnostic.js';
import { groupBy } from '../core/collections.js';
import type { Rules } from '../core/rules.js';
import { importFiles, validateFiles, type DbRef, type ImportOptions, type IngestResult } from './pipeline.js';

/** A file left out, with every error that left it out. */
export interface LeftOut {
  file: string;
  errors: Diagnostic[];
}

/** `result`: the import of the files that hold; null when every file was left out. */
export interface SkipResult {
  result: IngestResult | null;
  left: LeftOut[];
}

export async function importSkipping(paths: string[], db: DbRef, rules: Rules, opts: ImportOptions): Promise<SkipResult> {
  const left = new Map<string, Diagnostic[]>();
  let inputs: Set<string> | null = null;
  for (;;) {
    // Checked as this import would check it, not as validate: a resubmission the import was not told to replace or add
    // to is an error of its file here, and that file is left out, not the whole batch refused.
    const check = await validateFiles(paths, db, rules, { ...opts, exclude: new Set(left.keys()), allErrors: true }, opts);
    // The first check, with nothing left out, names every file of the batch.
    const all = (inputs ??= new Set(check.inputs));
    if (check.diags.errorCount === 0) break;
    const byFile = groupBy(check.diags.errors, (d) => d.file);
    // An error of no file of the batch (of a stored record) cannot be left out with a file: the batch is refused whole, as without the option.
    if ([...byFile.keys()].some((f) => !all.has(f)) || check.diags.errors.length < check.diags.errorCount) {
      return { result: await importFiles(paths, db, rules, opts), left: [] };
    }
    for (const [file, errors] of byFile) left.set(file, errors);
    if (left.size === all.size) return { result: null, left: leftList(left) };
  }
  return { result: await importFiles(paths, db, rules, { ...opts, exclude: new Set(left.keys()) }), left: leftList(left) };
}

const leftList = (left: Map<string, Diagnostic[]>): LeftOut[] => [...left].map(([file, errors]) => ({ file, errors }));
