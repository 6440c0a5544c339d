import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { t } from '../render/i18n/index.js';
import { rulesTemplate } from '../render/rules-file.js';
import { RULES_FILE } from '../read/rules.js';

const TEMPLATES = fileURLToPath(new URL('../../templates/init/', import.meta.url));

export const initCommand: CommandSpec = {
  define: (lang) => new Command('init').description(t(lang, 'h_init')).argument('[dir]', t(lang, 'h_dir'), '.'),
  run(ctx, cmd) {
    const dir = cmd.args[0] ?? '.';
    const abs = resolve(ctx.cwd, dir);
    mkdirSync(abs, { recursive: true });
    // Never overwrite: an office's own files are worth more than a template.
    const write = (name: string, put: (target: string) => void) => {
      if (existsSync(join(abs, name))) return ctx.note(ctx.t('init_exists', { file: join(dir, name) }));
      put(join(abs, name));
    };
    for (const f of readdirSync(TEMPLATES).sort()) {
      write(join('data', f), (target) => {
        mkdirSync(join(abs, 'data'), { recursive: true });
        copyFileSync(join(TEMPLATES, f), target);
      });
    }
    write(RULES_FILE, (target) => writeFileSync(target, rulesTemplate()));
    ctx.print(ctx.t('init_done', { dir }));
    return 0;
  },
};
