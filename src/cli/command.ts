// A subcommand, and the options several commands share, defined once.
import type { Command } from 'commander';
import type { Lang } from '../render/i18n/index.js';
import { t } from '../render/i18n/index.js';
import type { Ctx } from './context.js';
import { UsageError } from '../core/errors.js';

/** A subcommand: its definition in the chosen language, and its action; a failure is a typed error (core/errors.ts) that cli/main.ts turns into an exit code. */
export interface CommandSpec {
  define(lang: Lang): Command;
  run(ctx: Ctx, cmd: Command): void | Promise<void>;
}

/** A command with --period, --org, and the like: each option's text in one place. */
export const withOptions = (cmd: Command, lang: Lang, ...names: ('period' | 'month' | 'org' | 'explain' | 'out' | 'out-rows' | 'strict')[]): Command => {
  for (const n of names) {
    if (n === 'period') cmd.option('--period <quarter>', t(lang, 'h_period'));
    else if (n === 'month') cmd.option('--month <month>', t(lang, 'h_month'));
    else if (n === 'org') cmd.option('--org <code>', t(lang, 'h_org'));
    else if (n === 'explain') cmd.option('--explain', t(lang, 'h_explain'));
    else if (n === 'out') cmd.option('--out <file>', t(lang, 'h_out'));
    else if (n === 'out-rows') cmd.option('--out <file>', t(lang, 'h_out_rows'));
    else cmd.option('--strict', t(lang, 'h_strict'));
  }
  return cmd;
};

/** --number N: a notice's number, a whole number from 1 (at most six digits); null when not given. */
export function numberArg(v: string | undefined): number | null {
  if (v === undefined) return null;
  if (!/^\d{1,6}$/.test(v) || Number(v) < 1) throw new UsageError({ id: 'bad_number', params: { value: v } });
  return Number(v);
}
