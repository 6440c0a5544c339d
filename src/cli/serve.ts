// cxzy serve: the database in the browser (SPEC §3 Web view), until Ctrl-C.
import { Command } from 'commander';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CommandSpec } from './command.js';
import { EnvError, UsageError } from '../core/errors.js';
import { t, tm } from '../render/i18n/index.js';
import { loadRules } from '../read/rules.js';
import { openDb } from '../store/db.js';
import { loadRulesOrReport } from './rules-loader.js';
import { answerInterrupt } from './interrupt.js';
import { serve } from '../web/server.js';
import { Inbox } from '../web/archive.js';
import { randomBytes } from 'node:crypto';

const PORT = 8017;

/** The default browser opened at `url`, as each system does it; a failure only means the clerk opens it by hand. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    spawn(cmd, args, { detached: true, stdio: 'ignore', windowsHide: true })
      .on('error', () => {})
      .unref();
  } catch {
    // No browser to open: the address is printed.
  }
}

export const serveCommand: CommandSpec = {
  define: (lang) =>
    new Command('serve')
      .description(t(lang, 'h_serve'))
      .option('--port <n>', t(lang, 'h_serve_port'))
      .option('--open', t(lang, 'h_serve_open'))
      .option('--host <address>', t(lang, 'h_serve_host'))
      .option('--read-only', t(lang, 'h_serve_read_only')),
  async run(ctx, cmd) {
    const o = cmd.opts<{ port?: string; open?: boolean; host?: string; readOnly?: boolean }>();
    const port = o.port === undefined ? PORT : /^\d{1,5}$/.test(o.port) && Number(o.port) <= 65535 ? Number(o.port) : null;
    if (port === null) throw new UsageError({ id: 'web_bad_port', params: { value: o.port! } });
    if (!existsSync(ctx.db.path)) throw new EnvError({ id: 'db_missing', params: { db: ctx.db.name, folder: dirname(ctx.db.path) } });
    // A database that cannot be read says so now, not on the first page.
    openDb(ctx.db.path, 'read', ctx.db.name).close();
    loadRulesOrReport(ctx);
    const host = o.host ?? '127.0.0.1';
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') ctx.stderr.write(`${ctx.ce.yellow(ctx.t('web_host_warning', { host }))}\n`);
    // The rules read again for each page: one edited into a mistake says where on the page, as on the terminal.
    const rules = () => {
      const r = loadRules(ctx.rules, ctx.cwd, ctx.db.path);
      if (r.ok) return r.rules;
      const d = r.diagnostics.errors[0];
      throw new EnvError({ id: 'web_error', params: { message: `${d.file}:${d.line}:${d.col} ${tm(ctx.lang, d.msg)}` } });
    };
    // The token every form that writes carries: a page of another site cannot know it.
    const writer = o.readOnly ? undefined : { token: randomBytes(24).toString('hex'), inbox: Inbox.of(ctx.db.path), busy: false };
    const app = { dbPath: ctx.db.path, dbName: ctx.db.name, lang: ctx.lang, rules, writer };
    const running = await serve(app, host, port, (line) => ctx.stderr.write(`${line}\n`));
    if (running === null) throw new EnvError({ id: 'web_port_taken', params: { port } });
    ctx.print(ctx.t(writer ? 'web_listening' : 'web_listening_read_only', { url: running.url, db: ctx.db.name }));
    ctx.stderr.write(`${ctx.t('web_stop')}\n`);
    if (o.open) openBrowser(running.url);
    // Until Ctrl-C: then one line, and the server closed.
    await new Promise<void>((resolve) => {
      answerInterrupt(() => {
        ctx.stderr.write(`${ctx.t('web_stopped')}\n`);
        void running.close().then(resolve);
      });
    });
  },
};
