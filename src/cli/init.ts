import { host } from '../core/host.js';
import { wrote } from './interrupt.js';
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { t } from '../render/i18n/index.js';
import { rulesTemplate } from '../render/views/rules-file.js';
import { RULES_FILE } from '../read/rules.js';

const TEMPLATES = join(host.root, 'templates/init/');

export const initCommand: CommandSpec = {
  define: (lang) => new Command('init').description(t(lang, 'h_init')).argument('[dir]', t(lang, 'h_dir')),
  run(ctx, cmd) {
    const dir = cmd.args[0] ?? '.';
    const abs = resolve(ctx.cwd, dir);
    mkdirSync(join(abs, 'data'), { recursive: true });
    let written = 0;
    // Never overwrite, never write through a link: an office's own files are worth more than a template.
    const write = (name: string, text: string) => {
      const target = join(abs, name);
      if (lstatSync(target, { throwIfNoEntry: false })) return ctx.note(ctx.t('init_exists', { file: join(dir, name) }));
      writeFileSync(target, text, { flag: 'wx' });
      wrote(join(dir, name));
      written++;
    };
    for (const f of readdirSync(TEMPLATES).sort()) write(join('data', f), readFileSync(join(TEMPLATES, f), 'utf8'));
    write(RULES_FILE, rulesTemplate());
    if (!ctx.quiet) ctx.print(written ? ctx.t('init_done', { dir, n: written }) : ctx.t('init_nothing', { dir }));
  },
};
