// Ctrl-C at any moment ends the run with one line saying what was and was not
// written. A listener runs only when the event loop turns, and a command can
// work for seconds without a turn (a city's stars): that work runs through
// interruptible(), which Node's own watchdog stops at once (as its REPL does).
import { Script } from 'node:vm';
import { Interrupted } from '../core/errors.js';

/** What this run has written whole so far, as the interrupted line names it. */
const written: string[] = [];

/** Notes a file or database written whole, for the line Ctrl-C prints. */
export const wrote = (what: string) => {
  written.push(what);
};

/** What has been written whole so far. */
export const writtenSoFar = (): readonly string[] => written;

let listening = false;
/** A command's own answer to Ctrl-C (import stops reading and rolls back), in place of the line. */
let own: (() => void) | null = null;

/** From the command's start: Ctrl-C prints `line()` and ends the run (exit 130), unless the command answers it itself. */
export function listenForInterrupt(line: () => string, write: (s: string) => void): void {
  listening = true;
  process.removeAllListeners('SIGINT');
  process.on('SIGINT', () => {
    // Once: a second Ctrl-C ends the run with the line.
    const answer = own;
    own = null;
    if (answer) return answer();
    write(`${line()}\n`);
    process.exit(130);
  });
}

/** While `answer` is set, Ctrl-C is the command's to answer; the returned function gives it back. */
export function answerInterrupt(answer: () => void): () => void {
  own = answer;
  return () => {
    if (own === answer) own = null;
  };
}

const KEY = Symbol.for('cxzy.interruptible');
const call = new Script(`globalThis[Symbol.for('cxzy.interruptible')]()`);

/**
 * `work` (synchronous, perhaps seconds long) stopped by Ctrl-C at once:
 * throws Interrupted. In-process runs (tests) call it plainly.
 */
export function interruptible<T>(work: () => T): T {
  if (!listening || own) return work();
  const g = globalThis as unknown as Record<symbol, unknown>;
  const outer = g[KEY];
  g[KEY] = work;
  try {
    return call.runInThisContext({ breakOnSigint: true }) as T;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') throw new Interrupted();
    throw e;
  } finally {
    g[KEY] = outer;
  }
}
