// Writing a command's output: a document in the format asked for, to stdout;
// a file given with --out written whole or not at all.
import { wrote } from './interrupt.js';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, constants, lstatSync, openSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { EnvError, UsageError } from '../core/errors.js';
import type { Doc } from '../render/doc.js';
import { textLines } from '../render/formats/text.js';
import { byExtension, FORMATS, formatsFor, type FormatName, render, type View } from '../render/formats/index.js';
import { formatOf, type Ctx } from './context.js';

/** The formats of log and show: those that show rows on a terminal. */
export const TEXT_FORMATS = formatsFor('rows', true);
/** The formats of grade, stars and quota: those that show rows, into a file too. */
export const ROW_FORMATS = formatsFor('rows');
/** The formats of the bulletin: those that show a notice. */
export const NOTICE_FORMATS = formatsFor('notice');
/** The formats of what import, validate, undo and merge did. */
export const SUMMARY_FORMATS = formatsFor('summary');
/** The formats of the rules in force. */
export const SETTINGS_FORMATS = formatsFor('settings');

/** The format asked for: --format, else the extension of --out, else the first allowed. */
export function chooseFormat<F extends FormatName>(ctx: Ctx, out: string | undefined, allowed: readonly F[]): F {
  let format: F;
  if (ctx.format !== undefined || out === undefined) format = formatOf(ctx, allowed);
  else {
    const exts = byExtension(allowed);
    const f = exts[extname(out).toLowerCase()];
    if (!f) throw new UsageError({ id: 'bad_out_ext', params: { file: out, exts: Object.keys(exts).join(' ') } });
    format = f;
  }
  if (FORMATS[format].binary && out === undefined) throw new UsageError({ id: 'xlsx_needs_out', params: { format } });
  return format;
}

export const rowFormat = (ctx: Ctx, out: string | undefined): FormatName => chooseFormat(ctx, out, ROW_FORMATS);

/**
 * A command's view in the format asked for: on stdout (the terminal's table
 * with its colours and width), or written whole into `out`.
 */
export async function emit(ctx: Ctx, format: FormatName, out: string | undefined, view: View): Promise<void> {
  if (out !== undefined) {
    writeWhole(ctx, out, await render(format, view));
    ctx.note(ctx.t('wrote_file', { file: out }));
  } else if (format === 'table') printTable(ctx, view.doc());
  else {
    const text = await render(format, view);
    if (typeof text === 'string' || Buffer.isBuffer(text)) ctx.stdout.write(text);
    else
      for (const piece of text) {
        ctx.stdout.write(piece);
        // A list made as it is written waits for a slower reader rather than pile up behind it.
        await ctx.stdout.drained?.();
      }
  }
}

/**
 * What a command that changes the database did: on the terminal its lines
 * (the summary's own, with their colours, and its diagnostics on stderr);
 * in any other format its data, through the registry.
 */
export interface Summary {
  data(): unknown;
  print(): void;
}

export async function summarize(ctx: Ctx, format: FormatName, summary: Summary): Promise<void> {
  if (format === 'table') return summary.print();
  await emit(ctx, format, undefined, {
    data: summary.data,
    doc: () => {
      throw new Error('a summary is printed on the terminal, not laid out');
    },
  });
}

/** A document as the terminal's table, with its colours, at its width. */
export function printTable(ctx: Ctx, doc: Doc): void {
  ctx.printLines(textLines(doc, ctx.c, ctx.stdout.isTTY && ctx.stdout.columns ? ctx.stdout.columns : 80));
}

const STREAMS: Record<string, 'stdout' | 'stderr'> = {
  '-': 'stdout',
  '/dev/stdout': 'stdout',
  '/dev/fd/1': 'stdout',
  '/proc/self/fd/1': 'stdout',
  '/dev/stderr': 'stderr',
  '/dev/fd/2': 'stderr',
};

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
    // A file written again keeps its mode: a 600 file of members' names stays private.
    const mode = statSync(target, { throwIfNoEntry: false })?.mode;
    write(openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644), data);
    if (mode !== undefined) chmodSync(tmp, mode & 0o7777);
    renameSync(tmp, target);
    wrote(file);
  } catch (e) {
    if (tmp) rmSync(tmp, { force: true });
    throw new EnvError({ id: 'write_failed', params: { file, reason: (e as Error).message, code: (e as NodeJS.ErrnoException).code ?? '' } });
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
