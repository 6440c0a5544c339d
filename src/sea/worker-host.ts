// A read worker inside the executable: the folder of cxzy's files comes from the thread that started it.
import { workerData } from 'node:worker_threads';
import type { Host } from '../core/host.js';

(globalThis as { cxzyHost?: Host }).cxzyHost = { root: (workerData as { cxzyRoot: string }).cxzyRoot, bundled: true };
