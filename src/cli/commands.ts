// The subcommands by name, each loaded only when it runs: `cxzy grade` need not
// load the import's readers, the web view or the workbook writer. Help and an
// unknown name load them all (commander lists them, and suggests the nearest).
import type { CommandSpec } from './command.js';

/** In the order help lists them. */
export const COMMANDS: Record<string, () => Promise<CommandSpec>> = {
  init: async () => (await import('./init.js')).initCommand,
  validate: async () => (await import('./validate.js')).validateCommand,
  import: async () => (await import('./import.js')).importCommand,
  grade: async () => (await import('./grade.js')).gradeCommand,
  stars: async () => (await import('./stars.js')).starsCommand,
  quota: async () => (await import('./quota.js')).quotaCommand,
  ledger: async () => (await import('./ledger.js')).ledgerCommand,
  annual: async () => (await import('./annual.js')).annualCommand,
  status: async () => (await import('./status.js')).statusCommand,
  serve: async () => (await import('./serve.js')).serveCommand,
  report: async () => (await import('./bulletin.js')).bulletinCommand,
  template: async () => (await import('./template.js')).templateCommand,
  export: async () => (await import('./export.js')).exportCommand,
  merge: async () => (await import('./merge.js')).mergeCommand,
  log: async () => (await import('./log.js')).logCommand,
  undo: async () => (await import('./undo.js')).undoCommand,
  show: async () => (await import('./show.js')).showCommand,
  rules: async () => (await import('./rules.js')).rulesCommand,
  demo: async () => (await import('./demo.js')).demoCommand,
};

/** The global options that take a value as the next word (cli/main.ts defines them; test/commands.test.ts holds the two equal). */
export const VALUED = new Set(['--db', '--rules', '--lang', '--format']);

/** The commands `argv` needs defined: the one it names, or every one (help, a misspelt name, none). */
export async function commandsFor(argv: string[]): Promise<CommandSpec[]> {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (!a.startsWith('-')) return Object.hasOwn(COMMANDS, a) ? [await COMMANDS[a]()] : all();
    if (VALUED.has(a)) i++;
  }
  return all();
}

const all = () => Promise.all(Object.values(COMMANDS).map((load) => load()));
