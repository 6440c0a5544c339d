// The subcommands by name (cli/commands.ts): the one named is loaded alone,
// help and an unknown name get them all, in help's order.
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandsFor, VALUED } from '../src/cli/commands.js';
import { programOf, type Io } from '../src/cli/main.js';
import { cxzy } from './helpers.js';

const names = async (argv: string[]) => (await commandsFor(argv)).map((s) => s.define('zh').name());

describe('commands by name', () => {
  it('each name loads the command of that name, and it alone', async () => {
    for (const name of Object.keys(COMMANDS)) expect(await names([name])).toEqual([name]);
  });

  it('knows which global options take a value: those the program defines so', () => {
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: '.' } as unknown as Io;
    const valued = programOf('zh', io)
      .options.filter((o) => o.required || o.optional)
      .flatMap((o) => [o.long, o.short].filter((n): n is string => !!n));
    expect(new Set(valued)).toEqual(VALUED);
  });

  it('finds the name past the global options and their values', async () => {
    expect(await names(['--db', 'grade', 'stars', '--org', 'W01'])).toEqual(['stars']);
    expect(await names(['--lang=en', '-q', '--format', 'json', 'report'])).toEqual(['report']);
    expect(await names(['--no-color', '--rules', 'r.yaml', '--lang', 'en', 'annual', '--all'])).toEqual(['annual']);
  });

  it('help, a misspelt name and no name get every command, in help’s order', async () => {
    const all = Object.keys(COMMANDS);
    for (const argv of [[], ['--help'], ['--version'], ['grades'], ['--', 'grade']]) expect(await names(argv), argv.join(' ')).toEqual(all);
  });

  it('help lists every command, and a misspelt one is suggested its nearest', async () => {
    const help = await cxzy(['--help', '--lang', 'en']);
    for (const name of Object.keys(COMMANDS)) expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    const typo = await cxzy(['grades', '--lang', 'en']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('grade');
  });
});
