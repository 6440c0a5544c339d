// A progress bar on the injected stderr (cli-progress writes only text and escape codes to it) for imports and validations that run longer than a
// second — only on a terminal, never in pipes, CI or --quiet.
import cliProgress from 'cli-progress';
import type { Ctx } from './context.js';
import { envCount } from '../core/env.js';

type OnFile = (done: number, total: number) => void;

/** How long a run lasts before the bar appears; CXZY_PROGRESS_AFTER_MS changes it (the tests use 0). */
const delayMs = (env: NodeJS.ProcessEnv) => envCount(env, 'CXZY_PROGRESS_AFTER_MS') ?? 1000;

/** `run` with a bar labelled `label` that its file callback moves; the bar is gone when it ends, however it ends. */
export async function withProgress<T>(ctx: Ctx, label: string, run: (onFile: OnFile) => Promise<T>): Promise<T> {
  if (!ctx.stderr.isTTY || ctx.quiet || ctx.env.CI) return run(() => {});
  const delay = delayMs(ctx.env);
  const start = Date.now();
  let bar = null as cliProgress.SingleBar | null; // set by update(), which TypeScript cannot follow
  const update: OnFile = (done, total) => {
    if (!bar) {
      if (Date.now() - start < delay || done >= total) return;
      bar = new cliProgress.SingleBar(
        {
          format: `${label} [{bar}] {value}/{total} {eta_formatted}`,
          stream: ctx.stderr as unknown as NodeJS.WritableStream,
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, done);
    }
    bar.update(done);
  };
  try {
    return await run(update);
  } finally {
    bar?.stop();
  }
}
