// The failures a user can cause, typed here and turned into exit codes in one
// place (cli/main.ts): 1 data, 2 usage, 3 environment, 4 imported in part,
// 130 interrupted.
import type { Msg } from './messages/index.js';

/** A mistake on the command line: an unknown option value, a bad period or month. Exit code 2. */
export class UsageError extends Error {
  constructor(readonly msg: Msg) {
    super(msg.id);
  }
}

/** The data cannot answer: no data for the asked period, an unknown org. Exit code 1. */
export class DataError extends Error {
  constructor(readonly msg: Msg) {
    super(msg.id);
  }
}

/** Invalid data or rules whose diagnostics have been printed where they were found. Exit code 1. */
export class Reported extends Error {
  constructor() {
    super('reported');
  }
}

/** import --skip-invalid left files out, named already; the rest was imported. Exit code 4. */
export class PartlyImported extends Error {
  constructor() {
    super('partly imported');
  }
}

/** A problem with the environment rather than the data: the database, a file that cannot be written. Exit code 3. */
export class EnvError extends Error {
  constructor(readonly msg: Msg) {
    super(msg.id);
  }
}

/** Ctrl-C before anything was written: the import rolled back. Exit code 130. `notCreated`: the database the run would have made, and did not. */
export class Interrupted extends Error {
  constructor(readonly notCreated: string | null = null) {
    super('interrupted');
  }
}
