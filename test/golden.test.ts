// Rendered output on the bundled examples, held as golden files: a change to
// what an office sees shows up here as a diff to read. UPDATE_GOLDEN=1 writes
// them anew (never in CI); a missing one fails.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, cxzy, tmp } from './helpers.js';
import { t } from '../src/render/i18n/index.js';

const OFFICE_KEYS = { zh: 'office.name、office.area、office.number_prefix', en: 'office.name, office.area, office.number_prefix' };

const GOLDEN = join(ROOT, 'test', 'golden');
let db: string;

beforeAll(async () => {
  db = join(tmp(), 'g.db');
  // From the project folder, so that sources read examples/…, as in the demo.
  expect((await cxzy(['import', 'examples', '--db', db, '-q'], { cwd: ROOT })).code).toBe(0);
});

const CASES: [string, string[]][] = [
  ['grade-2011Q2.txt', ['grade']],
  ['grade-2011Q1-en.txt', ['grade', '--period', '2011Q1', '--lang', 'en']],
  ['grade-explain-D0405.txt', ['grade', '--period', '2011Q1', '--org', 'D0405', '--explain']],
  ['grade-W03.csv', ['grade', '--org', 'W03', '--format', 'csv']],
  ['grade-2011Q2.md', ['grade', '--format', 'md', '--explain', '--org', 'D0404']],
  ['stars-W02.txt', ['stars', '--org', 'W02']],
  ['stars-2011Q1.md', ['stars', '--period', '2011Q1', '--org', 'D0101', '--format', 'md']],
  ['quota-2011-06.txt', ['quota']],
  ['quota-2011Q2-en.txt', ['quota', '--period', '2011Q2', '--lang', 'en']],
  ['report-2011-06.md', ['report', '--number', '6', '--date', '2011-07-05', '--rules', 'test/golden/office.rules.yaml']],
  ['report-2011-05-en.md', ['report', '--month', '2011-05', '--lang', 'en', '--date', '2011-06-03']],
  ['report-W02-2011-06.md', ['report', '--org', 'W02', '--date', '2011-07-05']],
];

describe('golden output on the examples', () => {
  it.each(CASES)('%s', async (name, args) => {
    const r = await cxzy([...args, '--db', db], { cwd: ROOT });
    // A notice without the office's settings says which to add; with them, nothing.
    const bare = args[0] === 'report' && !args.includes('--rules');
    const lang = args.includes('en') ? 'en' : 'zh';
    // …and where: beside the database.
    const warning = `${t(lang, 'bulletin_office_missing', { keys: OFFICE_KEYS[lang], file: join(dirname(db), 'cxzy.rules.yaml') })}\n`;
    expect(r.stderr).toBe(bare ? warning : '');
    expect(r.code).toBe(0);
    const file = join(GOLDEN, name);
    // Written only when asked: a golden file a test run made up would hold whatever the code printed.
    if (process.env.UPDATE_GOLDEN && !process.env.CI) writeFileSync(file, r.stdout);
    expect(existsSync(file), `${file} is missing: UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts writes it`).toBe(true);
    expect(r.stdout).toBe(readFileSync(file, 'utf8'));
  });
});
