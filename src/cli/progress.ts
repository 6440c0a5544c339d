// A progress bar on stderr for imports that run longer than a second — only on
// a terminal, never in pipes, CI or --quiet.
import cliProgress from 'cli-progress';
import type { Ctx } from './context.js';

export interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

/** How long an import runs before the bar appears; CXZY_PROGRESS_AFTER_MS changes it (the tests use 0). */
const delayMs = (env: NodeJS.ProcessEnv) => (/^\d+$/.test(env.CXZY_PROGRESS_AFTER_MS ?? '') ? Number(env.CXZY_PROGRESS_AFTER_MS) : 1000);

export function progress(ctx: Ctx, label: string): Progress {
  if (!ctx.stderr.isTTY || ctx.quiet || ctx.env.CI) return { update: () => {}, stop: () => {} };
  const DELAY_MS = delayMs(ctx.env);
  const start = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(done, total) {
      if (!bar) {
        if (Date.now() - start < DELAY_MS || done >= total) return;
        bar = new cliProgress.SingleBar(
          { format: `${label} [{bar}] {value}/{total} {eta_formatted}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
