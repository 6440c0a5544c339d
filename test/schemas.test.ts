// The JSON Schemas are the source of truth; the TypeScript model must match them.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentValidator, itemValidator, readSchema, validator } from '../src/read/schemas.js';
import { ROOT } from './helpers.js';
import { ADOPTIONS, CATEGORIES, GOODS, GRADES, LEADS, ORG_TYPES, PLEDGE_KINDS, PLEDGE_STATUSES, ROLES, SECTIONS } from '../src/core/model.js';
import { defaultRules } from '../src/core/rules.js';
import { SECTION_DEFS } from '../src/core/sections.js';
import { writtenFields } from '../src/core/columns.js';

type Def = { enum: string[]; 'x-labels': Record<string, string[]> };
const defs = readSchema('common').definitions as Record<string, Def>;

describe('schemas and model agree', () => {
  it.each([
    ['orgType', ORG_TYPES],
    ['category', CATEGORIES],
    ['role', ROLES],
    ['pledgeKind', PLEDGE_KINDS],
    ['pledgeStatus', PLEDGE_STATUSES],
    ['lead', LEADS],
    ['grade', GRADES],
    ['adoption', ADOPTIONS],
    ['standard', [...GOODS, ...LEADS]],
  ])('%s: slugs match and the enum is exactly slugs plus labels', (name, slugs) => {
    const def = defs[name];
    expect(Object.keys(def['x-labels'])).toEqual([...slugs]);
    const labels = Object.values(def['x-labels']).flat();
    expect(new Set(def.enum)).toEqual(new Set([...slugs, ...labels]));
  });

  it('the document schema has exactly the sections of the model', () => {
    const doc = readSchema('document') as { properties: Record<string, unknown> };
    expect(Object.keys(doc.properties).filter((k) => k !== 'period')).toEqual([...SECTIONS]);
  });

  it.each([
    ['org', ['code', 'name', 'type', 'parent', 'category', 'secretary', 'active']],
    ['member', ['id', 'name', 'org', 'role', 'active', 'period']],
    ['pledge', ['id', 'owner', 'kind', 'standard', 'content', 'made', 'due', 'status', 'fulfilled', 'evaluation']],
    ['review', ['org', 'self', 'masses', 'superior', 'grade', 'reason', 'commentary']],
    ['points', ['member', 'study', 'excel', 'service', 'discipline', 'integrity', 'deductions', 'masses']],
    ['report', ['id', 'org', 'date', 'title', 'adopted']],
    ['typical', ['id', 'org', 'date', 'title']],
  ] as const)('%s fields', (name, fields) => {
    const s = readSchema(name) as { properties: Record<string, unknown> };
    expect(Object.keys(s.properties)).toEqual(fields);
  });

  it('the built-in rules carry every key the rules schema allows', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    const schemaKeys = (s: { properties?: Record<string, unknown> }, prefix = ''): string[] =>
      Object.entries(s.properties ?? {}).flatMap(([k, v]) => {
        const sub = v as { properties?: Record<string, unknown>; type?: string };
        return sub.properties ? schemaKeys(sub, `${prefix}${k}.`) : [`${prefix}${k}`];
      });
    const rs = readSchema('rules') as { properties: Record<string, unknown>; definitions: Record<string, unknown> };
    // actions use a $ref per grade; compare on the keys that exist in the defaults. The office has no default: its keys are all optional;
    // the open-problem cap is off unless a rules file sets it.
    expect(keys(defaultRules()).sort()).toEqual(
      schemaKeys(rs)
        .filter((k) => !k.startsWith('office.') && k !== 'grading.caps.open_problem.max')
        .sort(),
    );
    expect(defaultRules().grading.caps.open_problem).toBeUndefined();
    expect(defaultRules().office).toEqual({});
  });
});

describe('the section column lists and the record schemas agree', () => {
  // The quarter comes from the document (reviews, points) or the date (reports, typicals); a member's may be its own (its
  // row's 季度), which export writes as the document's.
  it.each(SECTIONS.map((s) => [s]))('%s: the fields a file writes are the schema’s properties', (s) => {
    const written = writtenFields(s).map((f) => f.name);
    const properties = Object.keys(
      (readSchema(SECTION_DEFS[s].schema as Parameters<typeof readSchema>[0]) as { properties: Record<string, unknown> }).properties,
    ).filter((k) => k !== 'period');
    expect(written.sort()).toEqual(properties.sort());
  });
});

describe('the schemas’ examples, from which the template’s sample rows come', () => {
  // Each section's examples together make a valid record: the sample row a branch copies imports.
  it.each(SECTIONS.map((s) => [s]))('%s: its examples make a record its schema accepts', (s) => {
    const schema = readSchema(SECTION_DEFS[s].schema as Parameters<typeof readSchema>[0]) as { properties: Record<string, { examples?: unknown[] }> };
    const record = Object.fromEntries(Object.entries(schema.properties).flatMap(([k, v]) => (v.examples ? [[k, v.examples[0]]] : [])));
    const check = validator(SECTION_DEFS[s].schema as 'org');
    expect(check(record), JSON.stringify(check.errors)).toBe(true);
  });
});

describe('the validators compiled at build (scripts/validators.mjs)', () => {
  it('are those of the schemas as they are now: a schema changed since the build fails here', async () => {
    const script: string = '../scripts/validators.mjs';
    const { validatorsSource } = (await import(script)) as { validatorsSource: () => string };
    const built = readFileSync(join(ROOT, 'src', 'read', 'validators.js'), 'utf8');
    expect(built === validatorsSource(), 'src/read/validators.js is older than schemas/: run npm run build').toBe(true);
  });

  it('give Ajv’s errors, at their places, for a record, a list’s item and the document’s shell', () => {
    const org = validator('org');
    expect(org({ code: 'D01', name: '支部', type: 'branch', category: 'rural', parent: 'W01' })).toBe(true);
    expect(org({ code: 'D 01', name: '', type: 'nope' })).toBe(false);
    expect(org.errors!.map((e) => [e.instancePath, e.keyword])).toEqual(
      expect.arrayContaining([
        ['/code', 'pattern'],
        ['/type', 'enum'],
      ]),
    );
    const { shell, records } = documentValidator();
    expect(shell({ period: '2011Q1', points: [{ anything: 1 }] })).toBe(true);
    expect(shell({ period: '2011Q5' })).toBe(false);
    expect(records.points({ member: 'M1' })).toBe(false);
    const deduction = itemValidator('points', 'deductions');
    expect(deduction({ dimension: 'study', points: -1, reason: '缺席' })).toBe(false);
    expect(deduction.errors![0]).toMatchObject({ instancePath: '/points', keyword: 'exclusiveMinimum' });
  });
});
