// Workbooks made by Excel, WPS, LibreOffice, Google Sheets, gnumeric and
// others (../shared/realfiles, public test data): validate never crashes and
// always gives a reason a clerk can act on; and each one that opens, its first
// sheet renamed 信息报送 and our rows written in the file's own way (its string
// storage, element prefixes, styles and date system kept), imports exactly
// the rows written — the containers real, the rows ours.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import unzipper from 'unzipper';
import { BASE, ROOT, cxzy, dump, files } from './helpers.js';
import { zip, type Part } from './zip-parts.js';

/** The shared folder beside the checkout, or where CXZY_REALFILES says. */
const REAL = process.env.CXZY_REALFILES ?? join(ROOT, '..', 'shared', 'realfiles');
const manifest = existsSync(join(REAL, 'MANIFEST.tsv'))
  ? readFileSync(join(REAL, 'MANIFEST.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split('\t')[0])
  : [];
if (!manifest.length) console.warn(`skipping the real workbooks: ${REAL} is not here`);

/** What validate may say of a workbook that holds no cxzy sheet, or cannot be read: each a reason with what to do. */
const REASONS = [
  /工作簿里没有可导入的工作表（现有：.+）/,
  /不能读取 \.(xls|et) 文件：请在 Excel 或 WPS 中打开，“另存为”/,
  /这个工作簿设置了打开密码/,
  /无法读取这个工作簿.*另存为/,
];

/** Our rows: D01's three reports, each a title, a date and (for two) the level it was used at. */
const ROWS: [string, string, string, string | null][] = [
  ['D01', '2011-01-05', '红湾社区开展党员志愿服务', '县级'],
  ['D01', '2011-02-10', '红湾社区建立党员联系户制度', null],
  ['D01', '2011-03-28', '红湾社区推行民情流水线', '市级'],
];
const HEAD = ['组织编号', '日期', '标题', '采用级别'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A part's relations: id → target, resolved from the zip's root. */
function rels(parts: Map<string, string>, of: string): Map<string, { target: string; type: string }> {
  const dir = posix.dirname(of);
  const xml = parts.get(posix.join(dir, '_rels', `${posix.basename(of)}.rels`)) ?? '';
  const out = new Map<string, { target: string; type: string }>();
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[1])?.[1] ?? '';
    const t = attr('Target');
    out.set(attr('Id'), { target: t.startsWith('/') ? t.slice(1) : posix.normalize(posix.join(dir, t)), type: attr('Type').split('/').at(-1)! });
  }
  return out;
}

/** Excel's serial day of an ISO date, in the workbook's date system. */
function serial(iso: string, date1904: boolean): number {
  const days = (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return date1904 ? days - 1462 : days;
}

/** The index of a cell format showing a date (a built-in date format, or a custom one of y, m and d), or -1. */
function dateStyle(styles: string | undefined): number {
  if (!styles) return -1;
  const custom = new Map([...styles.matchAll(/<(?:\w+:)?numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)].map((m) => [Number(m[1]), m[2]]));
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? '';
  const ids = [...xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)].map((m) => Number(/numFmtId="(\d+)"/.exec(m[1])?.[1] ?? 0));
  return ids.findIndex((id) => (id >= 14 && id <= 17) || (/y/i.test(custom.get(id) ?? '') && /d/i.test(custom.get(id) ?? '')));
}

/**
 * The workbook at `path` with its first sheet named 信息报送 (and shown), its
 * rows ours: strings shared where the file shares them (else inline), under
 * the prefix its sheet's elements carry, dates as serials in its date system
 * under a date format it has (else as typed text).
 */
export async function ours(path: string, out: string): Promise<void> {
  const dir = await unzipper.Open.file(path);
  const parts = new Map<string, string>();
  const binary: Part[] = [];
  for (const f of dir.files) {
    if (f.path.endsWith('/')) continue;
    const data = await f.buffer();
    if (/\.(xml|rels|vml)$/i.test(f.path)) parts.set(f.path, data.toString('utf8'));
    else binary.push({ name: f.path, data });
  }
  const main = [...rels(parts, '').values()].find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  const book = parts.get(main)!;
  const first = /<((?:\w+:)?)sheet\b([^>]*?)\/?>/.exec(book)!;
  const id = /\b[\w]+:id="([^"]*)"/.exec(first[2])![1];
  const bookRels = rels(parts, main);
  const sheetPath = bookRels.get(id)!.target;
  const named = first[0].replace(/\bname="[^"]*"/, 'name="信息报送"').replace(/\sstate="[^"]*"/, '');
  parts.set(main, book.replace(first[0], named));
  const date1904 = /date1904="(1|true)"/.test(book);
  const stringsPath = [...bookRels.values()].find((r) => r.type === 'sharedStrings')?.target;
  const stylesPath = [...bookRels.values()].find((r) => r.type === 'styles')?.target;
  const dated = dateStyle(stylesPath ? parts.get(stylesPath) : undefined);
  const sheet = parts.get(sheetPath)!;
  const p = /<(\w+:)?(?:worksheet|sheetData)\b/.exec(sheet)?.[1] ?? '';
  // Strings: appended to the shared table where there is one, else written inline.
  // An empty table may be written as one element (<sst …/>): opened, to take ours.
  let strings = stringsPath ? parts.get(stringsPath)!.replace(/<((?:\w+:)?sst)\b([^>]*?)\/>/, '<$1$2></$1>') : null;
  let next = strings ? [...strings.matchAll(/<(?:\w+:)?si\b/g)].length : 0;
  const sp = strings ? (/<(\w+:)?sst\b/.exec(strings)?.[1] ?? '') : '';
  const text = (ref: string, s: string) => {
    if (strings === null) return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${esc(s)}</${p}t></${p}is></${p}c>`;
    strings = strings.replace(new RegExp(`</${sp}sst>`), `<${sp}si><${sp}t>${esc(s)}</${sp}t></${sp}si></${sp}sst>`);
    return `<${p}c r="${ref}" t="s"><${p}v>${next++}</${p}v></${p}c>`;
  };
  const date = (ref: string, iso: string) => (dated < 0 ? text(ref, iso) : `<${p}c r="${ref}" s="${dated}"><${p}v>${serial(iso, date1904)}</${p}v></${p}c>`);
  const rows = [HEAD, ...ROWS].map((r, i) => {
    const cells = r.map((v, k) => {
      const ref = `${'ABCD'[k]}${i + 1}`;
      return v === null ? '' : i > 0 && k === 1 ? date(ref, v) : text(ref, v);
    });
    return `<${p}row r="${i + 1}">${cells.join('')}</${p}row>`;
  });
  const data = `<${p}sheetData>${rows.join('')}</${p}sheetData>`;
  const body = sheet
    .replace(new RegExp(`<${p}sheetData\\b[^>]*/>|<${p}sheetData\\b[^>]*>[\\s\\S]*?</${p}sheetData>`), data)
    .replace(new RegExp(`<${p}mergeCells\\b[\\s\\S]*?</${p}mergeCells>`), '');
  parts.set(sheetPath, body);
  if (stringsPath && strings !== null) parts.set(stringsPath, strings.replace(/\s(unique)?[cC]ount="\d+"/g, ''));
  zip(out, [...[...parts].map(([name, xml]) => ({ name, data: xml })), ...binary]);
}

describe.skipIf(!manifest.length)('workbooks made by other programs', () => {
  /** What validate said of each, kept for the test after. */
  const said = new Map<string, string>();

  it('validate gives each a reason a clerk can act on, never a crash', async () => {
    for (const f of manifest) {
      const r = await cxzy(['validate', join(REAL, f)]);
      said.set(f, r.stderr);
      expect(r.stderr, f).not.toMatch(/internal error|TypeError| {4}at /);
      expect([1, 0], f).toContain(r.code);
      if (r.code === 1)
        expect(
          REASONS.some((re) => re.test(r.stderr)),
          `${f}: ${r.stderr.slice(0, 300)}`,
        ).toBe(true);
    }
  });

  it('each that opens, its first sheet our 信息报送 written in its own way, imports exactly the rows written', async () => {
    const dir = files({ 'orgs.yaml': BASE['orgs.yaml'] });
    let tried = 0;
    for (const f of manifest.filter((m) => m.endsWith('.xlsx'))) {
      if (!(said.get(f) ?? (await cxzy(['validate', join(REAL, f)])).stderr).includes('工作簿里没有可导入的工作表')) continue;
      tried++;
      const copy = join(dir, `${f.replace(/[/\\]/g, '_')}`);
      await ours(join(REAL, f), copy);
      const db = join(dir, `${tried}.db`);
      const r = await cxzy(['import', 'orgs.yaml', copy, '--db', db, '--format', 'json'], { cwd: dir });
      expect(r.code, `${f}: ${r.stderr.slice(0, 300)} ${r.stdout.slice(0, 600)}`).toBe(0);
      const reports = (dump(db).reports as Record<string, unknown>[]).map((x) => [x.org, x.date, x.title, x.adopted]);
      const levels: Record<string, string> = { 县级: 'county', 市级: 'city' };
      expect(reports, f).toEqual(ROWS.map(([org, d, title, level]) => [org, d, title, level === null ? 'none' : levels[level]]));
    }
    expect(tried).toBeGreaterThan(25);
  });
});
