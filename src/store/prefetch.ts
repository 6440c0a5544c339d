// A read command's independent counts run on a second thread while this one
// reads and rates (a city's stars: the members rated per org and the months
// that met the quota, beside the red-star candidates). The analyses stay
// synchronous: asking for a result waits for the other thread, and any query
// it could not run (no compiled worker, a busy or damaged file) runs here.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { host } from '../core/host.js';

/** One query: its SQL and parameters; its rows come back raw (arrays). */
export interface Plan {
  sql: string;
  params: unknown[];
}

/** How long a worker may take to start, on a busy machine, before its queries run here. */
const START_WITHIN_MS = 5000;

const keyOf = (p: Plan) => `${p.sql}\u0000${JSON.stringify(p.params)}`;

/** The compiled worker beside this module: none from the TypeScript sources (the tests) or in the executable. */
const workerFile = () => fileURLToPath(new URL('./prefetch-worker.js', import.meta.url));

export class Prefetch {
  private readonly waiting = new Map<string, number>();
  private readonly results = new Map<number, { rows?: unknown[][]; error?: string }>();
  private readonly port: MessagePort;
  /** [results posted, started]: what the asking thread waits on. */
  private readonly ready = new Int32Array(new SharedArrayBuffer(8));
  private readonly since = Date.now();
  private readonly worker: Worker;

  private constructor(path: string, plans: Plan[]) {
    plans.forEach((p, i) => this.waiting.set(keyOf(p), i));
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(workerFile(), { workerData: { path, plans, port: port2, ready: this.ready }, transferList: [port2] });
    this.worker.unref();
    this.worker.on('error', () => {});
  }

  /** Starts `plans` on a second thread, or returns null where there is none to start. */
  static start(path: string, plans: Plan[]): Prefetch | null {
    if (host.bundled || !existsSync(workerFile()) || plans.length === 0) return null;
    return new Prefetch(path, plans);
  }

  /** The rows of `plan` if it was handed to the other thread and ran there (waiting for them); else undefined. */
  take(plan: Plan): unknown[][] | undefined {
    const i = this.waiting.get(keyOf(plan));
    if (i === undefined) return undefined;
    this.waiting.delete(keyOf(plan));
    let seen = Atomics.load(this.ready, 0);
    while (!this.results.has(i)) {
      const m = receiveMessageOnPort(this.port);
      if (m) {
        const { i: at, ...result } = m.message as { i: number; rows?: unknown[][]; error?: string };
        this.results.set(at, result);
        continue;
      }
      // A worker that has not started in this long failed to (its error waits for an event loop this thread is not
      // turning): its queries run here.
      if (Atomics.load(this.ready, 1) === 0 && Date.now() - this.since > START_WITHIN_MS) return undefined;
      // Short waits: Ctrl-C (cli/interrupt.ts) stops the thread between them.
      Atomics.wait(this.ready, 0, seen, 50);
      seen = Atomics.load(this.ready, 0);
    }
    const r = this.results.get(i)!;
    this.results.delete(i);
    return r.rows;
  }

  close(): void {
    void this.worker.terminate();
  }
}
