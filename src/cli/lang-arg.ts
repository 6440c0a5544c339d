// The language asked for on the command line, read before commander parses
// it: help follows it, and so do the few messages said before cxzy proper
// starts (bin/cxzy on too old a Node, the executable unpacking its files).
import type { Lang } from '../render/i18n/index.js';

/** --lang's value in argv, if given. */
export function langArg(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') return argv[i + 1];
    if (argv[i].startsWith('--lang=')) return argv[i].slice(7);
  }
  return undefined;
}

/** The language of a message said before the command line is checked: English only when asked for. */
export const earlyLang = (argv: string[], env: NodeJS.ProcessEnv): Lang => ((langArg(argv) ?? env.CXZY_LANG) === 'en' ? 'en' : 'zh');
