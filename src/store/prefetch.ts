// A read command's independent work runs on a second thread while this one
// reads and rates (a city's stars: the members rated per org and the months
// that met the quota, beside the red-star candidates; its notice: the pledges
// too). The analyses stay synchronous: asking for a result waits for the
// other thread if it has begun the job, and any job it has not begun, or
// could not do (no compiled worker, a busy or damaged file), is done here.
// Each job is claimed once, by whichever thread comes to it first.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { host } from '../core/host.js';

/** One query: its SQL and parameters; its rows come back raw (arrays). */
export interface Plan {
  sql: string;
  params: unknown[];
  /** Small rows a task may ask for too (store/plans.ts): the second thread keeps them for the tasks after it. */
  shared?: boolean;
}

/**
 * A function of the store whose result is small beside the rows it reads
 * (a city's notice reads 250,000 pledges to list a few hundred): the second
 * thread imports `module` and calls its export `fn` with a Query and `args`.
 * Arguments and result must survive structured cloning.
 */
export interface Task<A extends unknown[] = unknown[]> {
  module: string;
  fn: string;
  args: A;
}

/** What a command may hand to the second thread. */
export type Job = Plan | Task;

/** Who does a job (Prefetch.claims): the first thread to come to it. */
export const UNCLAIMED = 0;
export const WORKER = 1;
const HERE = 2;

/** What a job is known by: two equal jobs, one result. */
export const keyOf = (j: Job) => ('sql' in j ? `${j.sql}\u0000${JSON.stringify(j.params)}` : `${j.module}#${j.fn}\u0000${JSON.stringify(j.args)}`);

/** The compiled worker beside this module: none from the TypeScript sources (the tests); the executable starts its own (host.startPrefetch). */
const workerFile = () => fileURLToPath(new URL('./prefetch-worker.js', import.meta.url));

export class Prefetch {
  private readonly waiting = new Map<string, number>();
  private readonly results = new Map<number, { rows?: unknown[][]; value?: unknown; error?: string }>();
  private readonly port: MessagePort;
  /** Results posted: what the asking thread waits on. */
  private readonly ready = new Int32Array(new SharedArrayBuffer(4));
  /** Per job, who claimed it: 0 no one yet, WORKER, HERE. */
  private readonly claims: Int32Array;
  private readonly worker: Worker;

  /** `byKey`: each job by what it is known by (keyOf), once. */
  private constructor(path: string, byKey: Map<string, Job>) {
    const jobs = [...byKey.values()];
    [...byKey.keys()].forEach((key, i) => this.waiting.set(key, i));
    this.claims = new Int32Array(new SharedArrayBuffer(4 * jobs.length));
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const workerData = { path, jobs, port: port2, ready: this.ready, claims: this.claims };
    this.worker = host.startPrefetch ? host.startPrefetch(workerData, [port2]) : new Worker(workerFile(), { workerData, transferList: [port2] });
    this.worker.unref();
    this.worker.on('error', () => {});
  }

  /** Starts `jobs` on a second thread, or returns null where there is none to start. */
  static start(path: string, jobs: Job[]): Prefetch | null {
    if (jobs.length === 0 || (host.startPrefetch === undefined && (host.bundled || !existsSync(workerFile())))) return null;
    // A job asked for twice (two quarters' reads that overlap) runs once: its result is taken once.
    return new Prefetch(path, new Map(jobs.map((j) => [keyOf(j), j])));
  }

  /** The rows of `plan` if it was handed to the other thread and ran there (waiting for them); else undefined. */
  take(plan: Plan): unknown[][] | undefined {
    return this.await(plan)?.rows;
  }

  /** The result of `task` if it was handed to the other thread and done there (waiting for it); else undefined. */
  taken<A extends unknown[], R>(task: Task<A>): { value: R } | undefined {
    const r = this.await(task);
    return r && 'value' in r ? { value: r.value as R } : undefined;
  }

  private await(job: Job): { rows?: unknown[][]; value?: unknown; error?: string } | undefined {
    const key = keyOf(job);
    const i = this.waiting.get(key);
    if (i === undefined) return undefined;
    this.waiting.delete(key);
    // Not begun there (nor the thread started, if it failed to): done here at once, and passed by there. A job begun
    // there is waited for.
    if (Atomics.compareExchange(this.claims, i, UNCLAIMED, HERE) === UNCLAIMED) return undefined;
    let seen = Atomics.load(this.ready, 0);
    while (!this.results.has(i)) {
      const m = receiveMessageOnPort(this.port);
      if (m) {
        const { i: at, ...result } = m.message as { i: number; rows?: unknown[][]; value?: unknown; error?: string };
        this.results.set(at, result);
        continue;
      }
      // Short waits: Ctrl-C (cli/interrupt.ts) stops the thread between them.
      Atomics.wait(this.ready, 0, seen, 50);
      seen = Atomics.load(this.ready, 0);
    }
    const r = this.results.get(i)!;
    this.results.delete(i);
    return r;
  }

  close(): void {
    void this.worker.terminate();
  }
}
