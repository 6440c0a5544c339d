// Writing a command's output: a document in the format asked for, to stdout;
// a file given with --out written whole or not at all.
import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { EnvError } from '../core/errors.js';
import type { Doc } from '../render/doc.js';
import { textLines } from '../render/text.js';
import { csvPieces } from '../render/csv.js';
import { renderMarkdown } from '../render/md.js';
import type { Ctx } from './context.js';

/** The formats of grade, stars and quota. */
export const ROW_FORMATS = ['table', 'json', 'csv', 'md'] as const;

/** A document on stdout: the terminal's text, CSV (its table) or Markdown. */
export function printDoc(ctx: Ctx, doc: Doc, format: 'table' | 'csv' | 'md'): void {
  if (format === 'table') ctx.printLines(textLines(doc, ctx.c));
  else if (format === 'csv') for (const piece of csvPieces(doc)) ctx.stdout.write(piece);
  else ctx.stdout.write(renderMarkdown(doc));
}

/** Write beside the target, then rename: a failure never leaves half a file. */
export function writeWhole(ctx: Ctx, file: string, data: string | Buffer | Iterable<string>): void {
  const target = resolve(ctx.cwd, file);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    if (typeof data === 'string' || Buffer.isBuffer(data)) writeFileSync(tmp, data);
    else {
      const fd = openSync(tmp, 'w');
      try {
        for (const chunk of data) writeSync(fd, chunk);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new EnvError({ id: 'write_failed', params: { file, reason: (e as Error).message } });
  }
}
