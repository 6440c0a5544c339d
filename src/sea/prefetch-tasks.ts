// The tasks a read command hands its second thread (store/prefetch.ts, Task),
// by the name of their function: every module that makes one with Query.task
// has its function here.
import { pledgesFromStore } from '../analyses/bulletin/pledges-store.js';
import { starsRun } from '../render/views/stars-parts.js';
import { keepBasis, yearRun } from '../render/views/annual-parts.js';
import type { Host } from '../core/host.js';

const h = (globalThis as { cxzyHost?: Host }).cxzyHost!;
h.tasks = { pledgesFromStore, starsRun, yearRun, keepBasis };
