// A worker thread of the pipeline's read step: reads, parses and checks the
// files and pieces of files it is given, one at a time, and posts each one's
// rows or errors back.
import { parentPort, workerData } from 'node:worker_threads';
import { documentValidator } from './schemas.js';
import { readJob, type Job } from './queue.js';

const validate = documentValidator();
// One file at a time, in order: a streamed workbook is read to its end before the next file starts.
let queue = Promise.resolve();
parentPort!.on('message', (job: Job) => {
  queue = queue.then(async () => parentPort!.postMessage(await readJob(job, validate, workerData.rules)));
});
