// --annotate DIR (validate and import): a marked copy of each workbook with
// errors, to send back to the branch that filled it in.
import { mkdirSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { Ctx } from './context.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { UsageError } from '../core/errors.js';
import { groupBy } from '../core/collections.js';
import { isWorkbook } from '../read/read.js';
import { annotateXlsx } from '../render/annotate.js';
import { writeWhole } from './output.js';

/** An annotated copy into `dir` of each workbook that `errors` (every one of them, not the first hundred) are placed in. */
export async function annotate(ctx: Ctx, errors: Diagnostic[], dir: string): Promise<void> {
  const byFile = groupBy(
    errors.filter((d) => isWorkbook(d.file) && d.cell),
    (d) => d.file,
  );
  // A copy keeps the workbook's path under the folder given (two branches' D01.xlsx stay apart).
  const copyOf = (file: string) => join(dir, isAbsolute(file) || file.startsWith('..') ? basename(file) : file);
  for (const file of byFile.keys()) {
    if (resolve(ctx.cwd, copyOf(file)) === resolve(ctx.cwd, file)) throw new UsageError({ id: 'annotate_onto_input', params: { file } });
  }
  for (const [file, list] of byFile) {
    mkdirSync(dirname(resolve(ctx.cwd, copyOf(file))), { recursive: true });
    writeWhole(ctx, copyOf(file), await annotateXlsx(resolve(ctx.cwd, file), list, ctx.lang));
  }
  ctx.note(byFile.size ? ctx.t('annotated', { n: byFile.size, dir }) : ctx.t('annotate_none'));
}
