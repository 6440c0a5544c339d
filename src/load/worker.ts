// A worker thread of the fast import: reads, parses and checks the files it is
// given, one at a time, and posts each file's records back.
import { parentPort, workerData } from 'node:worker_threads';
import { validator } from './schemas.js';
import { readFileRecords, type FileTask } from './file-records.js';

const validate = validator('document');
parentPort!.on('message', (task: FileTask) => parentPort!.postMessage(readFileRecords(task, validate, workerData.pledges)));
