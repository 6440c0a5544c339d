// The entry: global options, one subcommand per file, and the mapping of every
// failure to an exit code (1 data, 2 usage, 3 environment, 130 interrupted) without a stack trace.
import { listenForInterrupt, writtenSoFar } from './interrupt.js';
import { Command, CommanderError } from 'commander';
import { createInterface } from 'node:readline/promises';
import { makeCtx, resolveLang, type GlobalOptions, type Io } from './context.js';
import { commandsFor } from './commands.js';
import { DataError, EnvError, Interrupted, PartlyImported, Reported, UsageError } from '../core/errors.js';
import { t, tm, type Lang } from '../render/i18n/index.js';
import { NOTICE_FORMATS, ROW_FORMATS, TEXT_FORMATS } from './output.js';
import { punct } from '../render/i18n/punctuation.js';
import { VERSION } from '../version.js';
import { langArg } from './lang-arg.js';

export type { Io } from './context.js';

/** `given`: the streams to use (tests); without them, the process's own, and the launcher's Ctrl-C listener let go. */
export async function main(argv: string[], given?: Io): Promise<number> {
  const io = given ?? processIo();
  // Help text follows --lang, so read it before commander parses anything.
  let lang: Lang;
  try {
    lang = resolveLang(langArg(argv) ?? io.env.CXZY_LANG);
  } catch {
    lang = 'zh';
  }
  // The launcher's listener said "interrupted" while the modules loaded; from here cli/interrupt.ts says what was written.
  if (!given) {
    // One turn of the event loop first: a Ctrl-C pressed while the modules loaded is the launcher's to report.
    await new Promise((go) => setImmediate(go));
    listenForInterrupt(
      () => interruptedLine(lang),
      (s) => io.stderr.write(s),
    );
  }
  return run(argv, io, lang);
}

/** The program with its global options, before its commands are added. */
export function programOf(lang: Lang, io: Io): Command {
  return (
    new Command('cxzy')
      .description(t(lang, 'h_program'))
      .option('--db <path>', t(lang, 'h_db'))
      .option('--rules <path>', t(lang, 'h_rules'))
      .option('--lang <lang>', t(lang, 'h_lang'))
      .option('--format <format>', t(lang, 'h_format', formatsHelp(lang)))
      .option('--no-color', t(lang, 'h_no_color'))
      .option('-q, --quiet', t(lang, 'h_quiet'))
      .version(VERSION, '--version', t(lang, 'h_version'))
      .helpOption('-h, --help', t(lang, 'h_help'))
      .helpCommand(false)
      .showSuggestionAfterError(true)
      .exitOverride()
      .configureHelp(help(lang))
      // commander's own error texts are English: failure() says the same in the chosen language.
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} })
  );
}

async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const program = programOf(lang, io);
  for (const spec of await commandsFor(argv)) {
    const cmd = spec.define(lang);
    cmd.action(async () => {
      const ctx = makeCtx(cmd.optsWithGlobals() as GlobalOptions, io);
      await spec.run(ctx, cmd);
    });
    cmd.exitOverride().helpOption('-h, --help', t(lang, 'h_help')).configureHelp(help(lang));
    cmd.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} });
    program.addCommand(cmd);
  }

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    return failure(e, lang, io);
  }
}

/** Ctrl-C's line: what this run had written whole, if anything. */
function interruptedLine(lang: Lang, notCreated: string | null = null): string {
  const done = writtenSoFar();
  if (done.length === 0) return notCreated === null ? t(lang, 'interrupted') : t(lang, 'interrupted_no_db', { db: notCreated });
  // template --split writes hundreds of files: the line names the first few.
  const first = done.slice(0, 5).join(lang === 'zh' ? '、' : ', ');
  const what = done.length > 5 ? t(lang, 'interrupted_more', { first, n: done.length, more: done.length - 5 }) : first;
  return t(lang, 'interrupted_after', { what });
}

function failure(e: unknown, lang: Lang, io: Io): number {
  // The reader went away (`| head`): what it wanted it has; stop quietly.
  if (e instanceof OutputClosed) return 0;
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    io.stderr.write(`cxzy: ${t(lang, 'usage', { detail: commanderMessage(e, lang) })}\n`);
    return 2;
  }
  if (e instanceof UsageError) {
    io.stderr.write(`cxzy: ${t(lang, 'usage', { detail: tm(lang, e.msg) })}\n`);
    return 2;
  }
  // Its mistakes are printed already, each where it was found.
  if (e instanceof Reported) return 1;
  if (e instanceof PartlyImported) return 4;
  if (e instanceof DataError) {
    io.stderr.write(`cxzy: ${tm(lang, e.msg)}\n`);
    return 1;
  }
  if (e instanceof Interrupted) {
    io.stderr.write(`${interruptedLine(lang, e.notCreated)}\n`);
    return 130;
  }
  if (e instanceof EnvError) {
    io.stderr.write(`cxzy: ${tm(lang, e.msg)}\n`);
    return 3;
  }
  // A bug, not a user mistake: say so plainly, with the detail for a report.
  io.stderr.write(`cxzy: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
  return 70;
}

/** commander's error in the chosen language, from its code and the names it quotes. */
function commanderMessage(e: CommanderError, lang: Lang): string {
  const name = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  const hint = /Did you mean (.+)\?/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'commander.unknownOption':
      return t(lang, 'cmd_unknown_option', { option: name, hint });
    case 'commander.unknownCommand':
      return t(lang, 'cmd_unknown_command', { command: name, hint });
    case 'commander.missingArgument':
      return t(lang, 'cmd_missing_argument', { arg: name });
    case 'commander.missingMandatoryOptionValue':
      return t(lang, 'cmd_required_option', { option: name.split(' ')[0] });
    case 'commander.optionMissingArgument':
      return t(lang, 'cmd_option_missing_argument', { option: name.split(' ')[0] });
    case 'commander.excessArguments':
      return t(lang, 'cmd_excess_arguments', { command: name });
    default:
      return e.message.replace(/^error: /, '');
  }
}

/** Help in the chosen language: commander writes its headings in English. */
function help(lang: Lang) {
  const titles: Record<string, string> = {
    'Usage:': t(lang, 'help_usage'),
    'Options:': t(lang, 'help_options'),
    'Commands:': t(lang, 'help_commands'),
    'Arguments:': t(lang, 'help_arguments'),
    'Global Options:': t(lang, 'help_global'),
  };
  return { styleTitle: (s: string) => titles[s] ?? s, showGlobalOptions: true };
}

/** stdout was closed by its reader. */
class OutputClosed extends Error {}

/** A stream's write that turns a closed pipe into OutputClosed, however the stream reports it. */
function writer(stream: NodeJS.WriteStream): (s: string | Uint8Array) => void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  return (s) => {
    if (stream.destroyed) throw new OutputClosed();
    try {
      stream.write(s);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') throw new OutputClosed();
      throw e;
    }
  };
}

/** Settles when `stream` has taken what it was given: at once, unless its buffer is past its mark (a pipe whose reader is slower). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((ok) => {
    const done = () => {
      stream.off('drain', done).off('close', done);
      ok();
    };
    stream.on('drain', done).on('close', done);
  });
}

function processIo(): Io {
  return {
    stdout: { write: writer(process.stdout), drained: () => drained(process.stdout), isTTY: Boolean(process.stdout.isTTY), columns: process.stdout.columns },
    stderr: { write: writer(process.stderr), isTTY: Boolean(process.stderr.isTTY), columns: process.stderr.columns },
    env: process.env,
    cwd: process.cwd(),
    // Someone to ask only at a terminal: a pipe or a script is never kept waiting.
    ask: process.stdin.isTTY && process.stderr.isTTY ? askAtTerminal : undefined,
  };
}

async function askAtTerminal(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/** The formats --format takes, from the registry, as its help lists them. */
function formatsHelp(lang: Lang): { text: string; files: string; notice: string } {
  const list = (fs: readonly string[]) => fs.join(punct(lang, 'list'));
  return { text: list(TEXT_FORMATS), files: list(ROW_FORMATS.filter((f) => !TEXT_FORMATS.includes(f))), notice: list(NOTICE_FORMATS) };
}
