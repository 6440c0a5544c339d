// A section is one declaration (core/sections.ts): everything that lists the
// sections lists them from there. This test enumerates the declarations and
// checks that each output naming the sections names every one of them.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { SECTION_DEFS, SECTIONS, type Section, type SectionDef } from '../src/core/sections.js';
import { t, word } from '../src/render/i18n/index.js';
import { WORDS } from '../src/render/i18n/words.js';
import { loadExcel } from '../src/read/workbook/excel.js';
import { EXAMPLES, ROOT, SHEET_LABELS, cxzy, dump, files } from './helpers.js';
import { openDb } from '../src/store/db.js';
import { Records } from '../src/store/lookup.js';
import { ownedTables } from '../src/analyses/profile.js';
import { ownedSection } from '../src/render/views/show.js';
import { renderText } from '../src/render/formats/text.js';
import { Chalk } from 'chalk';

const sheetNames = async (path: string) => {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((w) => w.name);
};

type Schema = { properties: Record<string, { examples?: unknown[] }> };
const schemaOf = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as Schema;

/** A document of one record of section `s`, made of its schema's examples (each property's first), in the example quarter. */
function exampleDocument(s: Section): string {
  const props = schemaOf(SECTION_DEFS[s].schema).properties;
  const record = Object.fromEntries(Object.entries(props).flatMap(([k, v]) => (v.examples ? [[k, v.examples[0]]] : [])));
  const period = schemaOf('document').properties.period?.examples?.[0];
  return stringify({ ...(SECTION_DEFS[s].document === 'quarter' ? { period } : {}), [s]: [record] });
}

describe('every section, from its declaration', () => {
  it('has its schema, its words in both languages, and its name in the message of a document with none', () => {
    const document = schemaOf('document');
    for (const s of SECTIONS) {
      const d = SECTION_DEFS[s];
      expect(existsSync(join(ROOT, 'schemas', `${d.schema}.schema.json`)), s).toBe(true);
      expect(document.properties[s], s).toBeDefined();
      for (const key of [s, d.what]) {
        expect(WORDS[key]?.en, key).toMatch(/^[a-z ]+$/);
        expect(word('zh', key), key).toMatch(/^\p{Script=Han}+$/u);
      }
      expect(t('zh', 'no_section')).toContain(s);
      expect(t('en', 'no_section')).toContain(s);
    }
  });

  it('is in the template, and in an export as YAML and as a workbook, records and all (test/e2e-workbook.test.ts imports an export back)', async () => {
    // The examples, and a record made of its schema's examples for each section they have none of.
    const dir = files({});
    expect((await cxzy(['import', EXAMPLES, '-q'], { cwd: dir })).code).toBe(0);
    const stored = dump(join(dir, 'cxzy.db'));
    const absent = SECTIONS.filter((s) => stored[SECTION_DEFS[s].name].length === 0);
    for (const s of absent) writeFileSync(join(dir, `${s}.yaml`), exampleDocument(s));
    const more = await cxzy(['import', ...absent.map((s) => `${s}.yaml`), '-q'], { cwd: dir });
    expect(more.stderr).toBe('');
    expect((await cxzy(['template', '--out', 't.xlsx'], { cwd: dir })).code).toBe(0);
    expect(await sheetNames(join(dir, 't.xlsx'))).toEqual(['填表说明', ...SHEET_LABELS]);
    expect((await cxzy(['export', '--out', 'all.yaml', '-q'], { cwd: dir })).code).toBe(0);
    const keys = new Set(parseAllDocuments(readFileSync(join(dir, 'all.yaml'), 'utf8')).flatMap((d) => Object.keys(d.toJS() as object)));
    for (const s of SECTIONS) expect(keys.has(s), s).toBe(true);
    expect((await cxzy(['export', '--out', 'all.xlsx', '-q'], { cwd: dir })).code).toBe(0);
    expect(await sheetNames(join(dir, 'all.xlsx'))).toEqual(SHEET_LABELS);
  });

  it('without a view of its own in show, is laid out there as its sheet: its columns, each record with its source, of the quarter asked', async () => {
    const dir = files({});
    expect((await cxzy(['import', EXAMPLES, '-q'], { cwd: dir })).code).toBe(0);
    // No section is declared so yet: the reports, declared as such a section, stand in for the next one.
    const asTable = [{ ...SECTION_DEFS.reports, show: 'table' as const } as unknown as SectionDef<unknown>];
    const db = openDb(join(dir, 'cxzy.db'), 'read');
    try {
      const r = new Records(db);
      const [all] = ownedTables(r, 'org', 'D0101', null, asTable);
      const [q2] = ownedTables(r, 'org', 'D0101', '2011Q2', asTable);
      const stored = (dump(join(dir, 'cxzy.db')).reports as Record<string, unknown>[]).filter((x) => x.org === 'D0101');
      expect(all.records.length).toBe(stored.length);
      expect(q2.records.length).toBe(stored.filter((x) => x.period === '2011Q2').length);
      expect(q2.records.length).toBeGreaterThan(0);
      const zh = renderText({ lang: 'zh', sections: [ownedSection(q2, 'zh')] }, new Chalk({ level: 0 })).split('\n');
      expect(zh[0]).toContain('信息报送');
      expect(zh.find((l) => l.includes('组织编号'))).toMatch(/编号.*组织编号.*日期.*标题.*采用级别.*来源/);
      const first = q2.records[0] as { title: string; date: string; src: { file: string; line: number } };
      const line = zh.find((l) => l.includes(first.title))!;
      expect(line).toContain(first.date);
      expect(line).toContain('县级');
      expect(line).toContain(`${first.src.file}:${first.src.line}`);
      const en = renderText({ lang: 'en', sections: [ownedSection(q2, 'en')] }, new Chalk({ level: 0 }));
      expect(en).toMatch(/org +date +title +adopted/);
      expect(en).toContain('county');
    } finally {
      db.close();
    }
  });
});
