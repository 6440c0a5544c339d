// --annotate DIR (validate and import): a marked copy of each workbook with
// errors, to send back to the branch that filled it in.
import { lstatSync, mkdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { Ctx } from './context.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { EnvError, UsageError } from '../core/errors.js';
import { groupBy } from '../core/collections.js';
import { isWorkbook } from '../read/read.js';
import { annotateXlsx, MAX_ANNOTATED_CELLS, type ListOnly } from '../render/views/annotate.js';
import { tm } from '../render/i18n/index.js';
import { punct } from '../render/i18n/punctuation.js';
import { printable } from '../core/text.js';
import { writeWhole } from './output.js';
import { distinctFileNames } from '../core/file-names.js';

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
  // Flat in the folder given, each by its own name made unique (two branches' D01.xlsx from two folders: D01.xlsx, D01-2.xlsx).
  const copies = distinctFileNames(
    files.map((f) => basename(f, extname(f))),
    '.xlsx',
  ).map((name) => join(dir, name));
  const root = resolve(ctx.cwd, dir);
  const ours = new Map(inputs.map((f) => [resolve(ctx.cwd, f), f]));
  for (const copy of copies) {
    const input = ours.get(resolve(ctx.cwd, copy));
    if (input !== undefined) throw new UsageError({ id: 'annotate_onto_input', params: { file: input } });
  }
  if (files.length) mkdirSync(root, { recursive: true });
  for (const [i, file] of files.entries()) {
    // Written only into the folder given: not through a link planted at the copy's name.
    if (lstatSync(resolve(ctx.cwd, copies[i]), { throwIfNoEntry: false })?.isSymbolicLink())
      throw new UsageError({ id: 'annotate_link', params: { file: copies[i] } });
    const copy = await annotateXlsx(resolve(ctx.cwd, file), byFile.get(file)!, ctx.lang);
    // A copy that cannot be written does not stop the run: its errors are printed all the same.
    try {
      writeWhole(ctx, copies[i], copy.bytes);
    } catch (e) {
      if (!(e instanceof EnvError)) throw e;
      ctx.note(ctx.t('annotate_not_written', { file, reason: tm(ctx.lang, e.msg) }));
      continue;
    }
    if (copy.listOnly) ctx.note(listOnlyNote(ctx, file, copies[i], copy.listOnly));
  }
  ctx.note(files.length ? ctx.t('annotated', { n: files.length, dir }) : ctx.t('annotate_none'));
}

/** Why `copy` is the list of `file`'s errors alone. */
function listOnlyNote(ctx: Ctx, file: string, copy: string, l: ListOnly): string {
  if (l.why === 'large') return ctx.t('annotate_list_only', { file, copy, cells: l.cells, max: MAX_ANNOTATED_CELLS });
  if (l.why === 'parts')
    return ctx.t('annotate_list_parts', { file, copy, parts: l.parts.map((p) => ctx.t(`an_part_${p}` as 'an_part_chart')).join(punct(ctx.lang, 'list')) });
  return ctx.t('annotate_list_unreadable', { file, copy, reason: printable(l.reason) });
}
