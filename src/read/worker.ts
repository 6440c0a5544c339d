// A worker thread of the pipeline's read step: reads, parses and checks the
// files it is given, one at a time, and posts each file's rows or errors back.
import { parentPort, workerData } from 'node:worker_threads';
import { documentValidator } from './schemas.js';
import { readOne } from './read.js';
import type { FileTask } from './task.js';

const validate = documentValidator();
// One file at a time, in order: a streamed workbook is read to its end before the next file starts.
let queue = Promise.resolve();
parentPort!.on('message', (task: FileTask) => {
  queue = queue.then(async () => parentPort!.postMessage(await readOne(task, validate, workerData.rules)));
});
