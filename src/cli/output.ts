// Writing a command's output: a document in the format asked for, to stdout;
// a file given with --out written whole or not at all.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, lstatSync, openSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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
  if (format === 'table') ctx.printLines(textLines(doc, ctx.c, ctx.stdout.isTTY && ctx.stdout.columns ? ctx.stdout.columns : 80));
  else if (format === 'csv') for (const piece of csvPieces(doc)) ctx.stdout.write(piece);
  else ctx.stdout.write(renderMarkdown(doc));
}

const STREAMS: Record<string, 'stdout' | 'stderr'> = { '-': 'stdout', '/dev/stdout': 'stdout', '/dev/fd/1': 'stdout', '/proc/self/fd/1': 'stdout', '/dev/stderr': 'stderr', '/dev/fd/2': 'stderr' };

/**
 * `file` written whole or not at all: into a new file beside it (created
 * exclusively, never through a link), then renamed over it. A link is
 * followed to the file it names, which is replaced; a target that is not a
 * regular file (a device such as /dev/null, a pipe, a terminal) is written
 * straight through, never replaced.
 */
export function writeWhole(ctx: Ctx, file: string, data: string | Buffer | Iterable<string>): void {
  // Our own output streams, whatever they are (a socket cannot be opened by name).
  const own = STREAMS[file];
  if (own) {
    const out = own === 'stdout' ? ctx.stdout : ctx.stderr;
    if (typeof data === 'string' || Buffer.isBuffer(data)) out.write(data);
    else for (const chunk of data) out.write(chunk);
    return;
  }
  let target = resolve(ctx.cwd, file);
  let tmp: string | null = null;
  try {
    const st = statSync(target, { throwIfNoEntry: false });
    if (st && !st.isFile()) return write(openSync(target, 'w'), data);
    // A link (even to a file yet to be written) names where the file goes; the link itself stays.
    for (let hops = 0; lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink(); hops++) {
      if (hops > 20) throw new Error('too many links');
      target = resolve(dirname(target), readlinkSync(target));
    }
    tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    write(openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644), data);
    renameSync(tmp, target);
  } catch (e) {
    if (tmp) rmSync(tmp, { force: true });
    throw new EnvError({ id: 'write_failed', params: { file, reason: (e as Error).message } });
  }
}

function write(fd: number, data: string | Buffer | Iterable<string>): void {
  try {
    // writeFileSync on a descriptor writes all of it, in as many writes as a pipe or device takes.
    if (typeof data === 'string' || Buffer.isBuffer(data)) writeFileSync(fd, data);
    else for (const chunk of data) writeFileSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}
