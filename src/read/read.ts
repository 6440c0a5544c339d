// The read step's one entry: each file by the reader its kind needs — a
// workbook by the workbook reader (which streams, so it answers later), any
// other file by the YAML readers.
import { extname } from 'node:path';
import { readFile } from './file.js';
import { readWorkbook } from './workbook/reader.js';
import type { FileResult, FileTask, ReadRules } from './task.js';
import type { DocumentValidator } from './schemas.js';

export const isWorkbook = (file: string) => extname(file).toLowerCase() === '.xlsx';

export function readOne(task: FileTask, validate: DocumentValidator, rules: ReadRules): FileResult | Promise<FileResult> {
  return isWorkbook(task.path) ? readWorkbook(task, validate, rules, task.allErrors ? Infinity : undefined) : readFile(task, validate, rules);
}
