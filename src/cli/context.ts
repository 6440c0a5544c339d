// What every command needs: the resolved global options, the output streams
// and a colour instance that honours --no-color, NO_COLOR, TERM=dumb and TTYs.
// Streams, the environment and the working folder come only from the injected Io.
import { resolve } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { UsageError } from '../core/errors.js';
import type { Messages, MsgId } from '../core/messages/index.js';
import { batched } from '../render/formats/json.js';
import { t, type Lang } from '../render/i18n/index.js';
import type { DbRef } from '../pipeline/pipeline.js';

export interface Out {
  /** Text, or the bytes of a binary file (an XLSX written to stdout). */
  write(s: string | Uint8Array): void;
  /** Settles once what was written has gone out (a pipe's reader has caught up); absent, or at once, when nothing waits. */
  drained?(): Promise<void>;
  isTTY: boolean;
  /** The terminal's width, when it is one. */
  columns?: number;
}

export interface Io {
  stdout: Out;
  stderr: Out;
  env: NodeJS.ProcessEnv;
  /** Where relative paths are. */
  cwd: string;
  /** A question answered at the terminal; absent when there is no one to ask (a pipe, a script). */
  ask?: (question: string) => Promise<string>;
}

export interface GlobalOptions {
  db?: string;
  rules?: string;
  lang?: string;
  format?: string;
  color?: boolean;
  quiet?: boolean;
}

export interface Ctx {
  lang: Lang;
  db: DbRef;
  rules: string | undefined;
  format: string | undefined;
  quiet: boolean;
  io: Io;
  stdout: Out;
  stderr: Out;
  /** Colour for stdout and stderr respectively. */
  c: ChalkInstance;
  ce: ChalkInstance;
  env: NodeJS.ProcessEnv;
  cwd: string;
  t<K extends MsgId>(id: K, ...params: {} extends Messages[K] ? [Messages[K]?] : [Messages[K]]): string;
  print(s: string): void;
  /** Each line and a newline, written in pieces of about a megabyte. */
  printLines(lines: Iterable<string>): void;
  note(s: string): void;
}

export function resolveLang(value: string | undefined): Lang {
  if (value === undefined || value === '') return 'zh';
  if (value === 'zh' || value === 'en') return value;
  throw new UsageError({ id: 'bad_lang', params: { value } });
}

export function makeCtx(opts: GlobalOptions, io: Io): Ctx {
  const lang = resolveLang(opts.lang ?? io.env.CXZY_LANG);
  const noColor = opts.color === false || Boolean(io.env.NO_COLOR) || io.env.TERM === 'dumb';
  const level = (o: Out) => (noColor || !o.isTTY ? 0 : 1);
  const dbName = opts.db ?? (io.env.CXZY_DB || 'cxzy.db');
  // SQLite takes these for a database that lives in memory or a URI: an import into them would vanish.
  if (dbName.trim() === '' || dbName === ':memory:' || dbName.startsWith('file:')) throw new UsageError({ id: 'bad_db', params: { value: dbName } });
  const ctx: Ctx = {
    lang,
    db: { path: resolve(io.cwd, dbName), name: dbName },
    rules: opts.rules,
    format: opts.format,
    quiet: opts.quiet === true,
    io,
    stdout: io.stdout,
    stderr: io.stderr,
    c: new Chalk({ level: level(io.stdout) }),
    ce: new Chalk({ level: level(io.stderr) }),
    env: io.env,
    cwd: io.cwd,
    t: (id, ...params) => t(lang, id, ...params),
    print: (s) => io.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
    printLines: (lines) => {
      for (const chunk of batched(ended(lines))) io.stdout.write(chunk);
    },
    note: (s) => {
      if (!ctx.quiet) io.stderr.write(s.endsWith('\n') ? s : `${s}\n`);
    },
  };
  return ctx;
}

function* ended(lines: Iterable<string>): Generator<string> {
  for (const l of lines) yield `${l}\n`;
}

/** Check --format against what a command offers; `undefined` gives the first. */
export function formatOf<F extends string>(ctx: Ctx, allowed: readonly F[]): F {
  const f = ctx.format ?? allowed[0];
  if (!(allowed as readonly string[]).includes(f)) throw new UsageError({ id: 'bad_format', params: { value: f, allowed: allowed.join('|') } });
  return f as F;
}
