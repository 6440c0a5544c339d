// What every command needs: the resolved global options, the output streams
// and a colour instance that honours --no-color, NO_COLOR, TERM=dumb and TTYs.
import { Chalk, type ChalkInstance } from 'chalk';
import { batched, jsonText } from '../render/json.js';
import type { Lang, MsgId, Param } from '../render/i18n.js';
import { t } from '../render/i18n.js';

export interface Out {
  write(s: string): void;
  isTTY: boolean;
}

export interface GlobalOptions {
  db?: string;
  rules?: string;
  lang?: string;
  format?: string;
  color?: boolean;
  quiet?: boolean;
}

export class UsageError extends Error {
  constructor(
    readonly id: MsgId,
    readonly params: Record<string, Param> = {},
  ) {
    super(id);
  }
}

/** The data cannot answer: no data for the asked period, an unknown org. Exit code 1. */
export class DataError extends Error {
  constructor(
    readonly id: MsgId,
    readonly params: Record<string, Param> = {},
  ) {
    super(id);
  }
}

export interface Ctx {
  lang: Lang;
  db: string;
  rules: string | undefined;
  format: string | undefined;
  quiet: boolean;
  stdout: Out;
  stderr: Out;
  /** Colour for stdout and stderr respectively. */
  c: ChalkInstance;
  ce: ChalkInstance;
  env: NodeJS.ProcessEnv;
  t(id: MsgId, params?: Record<string, Param>): string;
  print(s: string): void;
  /** As print(JSON.stringify(value, null, 2)), written in pieces. */
  printJson(value: unknown): void;
  /** Each line and a newline, written in pieces of about a megabyte. */
  printLines(lines: Iterable<string>): void;
  note(s: string): void;
}

export function resolveLang(value: string | undefined): Lang {
  if (value === undefined || value === '') return 'zh';
  if (value === 'zh' || value === 'en') return value;
  throw new UsageError('bad_lang', { value });
}

export function makeCtx(opts: GlobalOptions, io: { stdout: Out; stderr: Out; env: NodeJS.ProcessEnv }): Ctx {
  const lang = resolveLang(opts.lang ?? io.env.CXZY_LANG);
  const noColor = opts.color === false || Boolean(io.env.NO_COLOR) || io.env.TERM === 'dumb';
  const level = (o: Out) => (noColor || !o.isTTY ? 0 : 1);
  const ctx: Ctx = {
    lang,
    db: opts.db ?? (io.env.CXZY_DB || 'cxzy.db'),
    rules: opts.rules,
    format: opts.format,
    quiet: opts.quiet === true,
    stdout: io.stdout,
    stderr: io.stderr,
    c: new Chalk({ level: level(io.stdout) }),
    ce: new Chalk({ level: level(io.stderr) }),
    env: io.env,
    t: (id, params) => t(lang, id, params),
    print: (s) => io.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
    printJson: (value) => {
      for (const chunk of jsonText(value)) io.stdout.write(chunk);
    },
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
  if (!(allowed as readonly string[]).includes(f)) throw new UsageError('bad_format', { value: f, allowed: allowed.join('|') });
  return f as F;
}
