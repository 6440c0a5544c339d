// What each sheet column holds, read from the record schemas (the single
// source of truth): a code, a date, a number, an enumeration (with its Chinese
// labels), yes/no, or text; whether it is required; its bounds. The reader
// turns cells into values by it, and the template builds its checks from it.
import type { AnySchemaObject } from 'ajv';
import { readSchema } from '../schemas.js';
import { SECTION_DEFS, type SheetDef } from '../../core/sections.js';
import { ATTACHED_SHEETS } from '../../core/attached-sheets.js';
import { SECTIONS, type Section } from '../../core/model.js';

export type Kind = 'code' | 'date' | 'period' | 'number' | 'integer' | 'enum' | 'bool' | 'text';

export interface FieldInfo {
  kind: Kind;
  required: boolean;
  /** For an enumeration: its Chinese labels, as a dropdown offers them. */
  labels?: string[];
  /** For an enumeration: each value's Chinese label (the first, where it has several). */
  labelOf?: Record<string, string>;
  min?: number;
  max?: number;
  /** Exclusive lower bound (deduction points). */
  above?: number;
  maxLength?: number;
  /** The schema's example value (`examples`), as the template's sample row shows it. */
  example?: unknown;
}

const common = () => readSchema('common').definitions as Record<string, AnySchemaObject>;

function resolve(s: AnySchemaObject): AnySchemaObject {
  const m = typeof s.$ref === 'string' ? /#\/definitions\/(.+)$/.exec(s.$ref) : null;
  return m ? common()[m[1]] : s;
}

function info(s: AnySchemaObject, name: string | undefined, required: boolean, example: unknown): FieldInfo {
  const ref = typeof s.$ref === 'string' ? /#\/definitions\/(.+)$/.exec(s.$ref)?.[1] : undefined;
  const r = resolve(s);
  const base = { required, ...(typeof r.maxLength === 'number' ? { maxLength: r.maxLength } : {}), ...(example === undefined ? {} : { example }) };
  if (ref === 'code') return { kind: 'code', ...base };
  if (ref === 'date' || r.format === 'date') return { kind: 'date', ...base };
  if (ref === 'bool') return { kind: 'bool', ...base, labels: ['是', '否'], labelOf: { true: '是', false: '否' } };
  if (name === 'period') return { kind: 'period', ...base };
  if (Array.isArray(r.enum)) {
    const xl = r['x-labels'] as Record<string, string[]> | undefined;
    const labels = xl ? Object.values(xl).flat() : (r.enum as string[]);
    const labelOf = xl ? Object.fromEntries(Object.entries(xl).map(([slug, names]) => [slug, names[0] ?? slug])) : undefined;
    return { kind: 'enum', ...base, labels, ...(labelOf ? { labelOf } : {}) };
  }
  if (r.type === 'number' || r.type === 'integer') {
    return {
      kind: r.type,
      ...base,
      ...(typeof r.minimum === 'number' ? { min: r.minimum } : {}),
      ...(typeof r.maximum === 'number' ? { max: r.maximum } : {}),
      ...(typeof r.exclusiveMinimum === 'number' ? { above: r.exclusiveMinimum } : {}),
    };
  }
  return { kind: 'text', ...base };
}

/** field path → what it holds, for one record schema (nested objects flattened: masses.satisfied). */
function flatten(schema: AnySchemaObject, prefix = '', parentRequired = true, parentExample?: Record<string, unknown>): Map<string, FieldInfo> {
  const out = new Map<string, FieldInfo>();
  const required = new Set((schema.required as string[] | undefined) ?? []);
  for (const [k, raw] of Object.entries((schema.properties ?? {}) as Record<string, AnySchemaObject>)) {
    const s = resolve(raw);
    const path = prefix + k;
    // A group's example is one object (masses: {satisfied, basic, unsatisfied}): each part takes its own value.
    const example = (raw.examples as unknown[] | undefined)?.[0] ?? parentExample?.[k];
    if (s.type === 'object' && s.properties) {
      for (const [p, i] of flatten(s, `${path}.`, parentRequired && required.has(k), example as Record<string, unknown> | undefined)) out.set(p, i);
    } else out.set(path, info(raw, k, parentRequired && required.has(k), example));
  }
  return out;
}

/** A field's example in a record schema (a document's quarter: the document schema's). */
const exampleOf = (s: Section | 'document', field: string) =>
  ((s === 'document' ? readSchema('document') : recordSchema(s)).properties as Record<string, AnySchemaObject>)[field]?.examples?.[0];

const recordSchema = (s: Section) => readSchema(SECTION_DEFS[s].schema as 'org');

let cache: Map<string, Map<string, FieldInfo>> | undefined;

/** Every sheet's fields by path, `period` included where a sheet has a 季度 column. */
export function sheetFields(sheet: SheetDef): Map<string, FieldInfo> {
  cache ??= new Map();
  let m = cache.get(sheet.slug);
  if (!m) {
    const attached = ATTACHED_SHEETS.find((a) => a.sheet.slug === sheet.slug);
    // An attached sheet's row is one item of its record's list, plus the codes that name the record.
    const schema = attached
      ? ((recordSchema(attached.section).properties as Record<string, AnySchemaObject>)[attached.field].items as AnySchemaObject)
      : recordSchema(sectionOfSheet(sheet));
    m = flatten(schema);
    // A quarter every row of a period-scoped sheet needs; a member's row may leave it to its workbook.
    const scoped = attached !== undefined || SECTION_DEFS[sectionOfSheet(sheet)].period !== undefined;
    if (sheet.columns.some((c) => c.field === 'period')) m.set('period', { kind: 'period', required: scoped, example: exampleOf('document', 'period') });
    for (const [field, of] of attached?.by ?? [])
      if (field !== 'period') m.set(field, { kind: 'code', required: true, example: exampleOf(attached!.section, of) });
    cache.set(sheet.slug, m);
  }
  return m;
}

const sectionOfSheet = (sheet: SheetDef) => SECTIONS.find((s) => SECTION_DEFS[s].sheet.slug === sheet.slug)!;

/** The objects a sheet's record requires (a review's masses): at least one of their columns must be there. */
export function requiredGroups(sheet: SheetDef): string[] {
  if (ATTACHED_SHEETS.some((a) => a.sheet.slug === sheet.slug)) return [];
  const schema = recordSchema(SECTIONS.find((s) => SECTION_DEFS[s].sheet.slug === sheet.slug)!);
  const props = (schema.properties ?? {}) as Record<string, AnySchemaObject>;
  return ((schema.required as string[] | undefined) ?? []).filter((k) => resolve(props[k]).type === 'object');
}
