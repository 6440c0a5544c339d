import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { host } from './core/host.js';

/** The package version, read once from cxzy's package.json. */
export const VERSION = (JSON.parse(readFileSync(join(host.root, 'package.json'), 'utf8')) as { version: string }).version;
