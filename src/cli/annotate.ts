// --annotate DIR (validate and import): a marked copy of each workbook with
// errors, to send back to the branch that filled it in.
import { lstatSync, mkdirSync, realpathSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import type { Ctx } from './context.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { UsageError } from '../core/errors.js';
import { groupBy } from '../core/collections.js';
import { isWorkbook } from '../read/read.js';
import { expandPaths } from '../read/files.js';
import { annotateXlsx } from '../render/annotate.js';
import { writeWhole } from './output.js';

/** The files a run reads, as named: what no annotated copy may replace. */
export const inputsOf = (paths: string[], cwd: string): string[] => expandPaths(paths, cwd).files.map((f) => f.file);

/**
 * Where each workbook's copy goes under `dir`: its own path (two branches'
 * D01.xlsx in two folders stay apart), or, for a path from outside (absolute,
 * ../), its name; made unique where two would be one file on Windows.
 */
function copyNames(files: string[]): string[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const n = normalize(file);
    const rel = isAbsolute(n) || n === '..' || n.startsWith(`..${sep}`) ? basename(n) : n;
    const ext = extname(rel);
    let name = rel;
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${rel.slice(0, rel.length - ext.length)}-${k}${ext}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * An annotated copy into `dir` of each workbook that `errors` (every one of
 * them, not the first hundred) are placed in. `inputs`: every file of the
 * run, none of which a copy may replace; nor may a copy go through a link.
 */
export async function annotate(ctx: Ctx, errors: Diagnostic[], dir: string, inputs: string[]): Promise<void> {
  const byFile = groupBy(
    errors.filter((d) => isWorkbook(d.file) && d.cell),
    (d) => d.file,
  );
  const files = [...byFile.keys()];
  const copies = copyNames(files).map((name) => join(dir, name));
  const root = resolve(ctx.cwd, dir);
  const ours = new Map(inputs.map((f) => [resolve(ctx.cwd, f), f]));
  for (const copy of copies) {
    const input = ours.get(resolve(ctx.cwd, copy));
    if (input !== undefined) throw new UsageError({ id: 'annotate_onto_input', params: { file: input } });
  }
  for (const [i, file] of files.entries()) {
    const at = resolve(ctx.cwd, copies[i]);
    mkdirSync(dirname(at), { recursive: true });
    // Written only inside the folder given: not through a link planted at the copy's name or on its way.
    const real = realpathSync(dirname(at));
    const inside = real === realpathSync(root) || real.startsWith(`${realpathSync(root)}${sep}`);
    if (!inside || lstatSync(at, { throwIfNoEntry: false })?.isSymbolicLink()) throw new UsageError({ id: 'annotate_link', params: { file: copies[i] } });
    writeWhole(ctx, copies[i], await annotateXlsx(resolve(ctx.cwd, file), byFile.get(file)!, ctx.lang));
  }
  ctx.note(files.length ? ctx.t('annotated', { n: files.length, dir }) : ctx.t('annotate_none'));
}
