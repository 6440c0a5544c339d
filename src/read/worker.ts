// A worker thread of the pipeline's read step: reads, parses and checks the
// files it is given, one at a time, and posts each file's rows or errors back.
import { parentPort, workerData } from 'node:worker_threads';
import { documentValidator } from './schemas.js';
import { readFile, type FileTask } from './file.js';

const validate = documentValidator();
parentPort!.on('message', (task: FileTask) => parentPort!.postMessage(readFile(task, validate, workerData.rules)));
