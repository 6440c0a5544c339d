// The JSON Schemas in schemas/ are the single source of truth for record shapes:
// their validators are compiled at build (scripts/validators.mjs, not by Ajv at
// every start on every thread), and this module derives the Chinese-label → slug
// maps from their `x-labels` annotations.
import { join } from 'node:path';
import { host } from '../core/host.js';
import { readFileSync } from 'node:fs';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import { SECTIONS, type Section } from '../core/model.js';
import { SECTION_DEFS } from '../core/sections.js';
import validators from './validators.js';

const SCHEMA_DIR = join(host.root, 'schemas/');
/** The record schemas, one per section (its declaration's `schema`). */
const RECORD_SCHEMAS = SECTIONS.map((s) => SECTION_DEFS[s].schema);

export function readSchema(name: string): AnySchemaObject {
  return JSON.parse(readFileSync(`${SCHEMA_DIR}${name}.schema.json`, 'utf8')) as AnySchemaObject;
}

/** The validator compiled for `key`: a schema's name, or `<schema>#<list field>` for that list's items. */
export function validator(key: string): ValidateFunction {
  const fn = validators[key];
  if (!fn) throw new Error(`schema ${key} missing: run npm run build`);
  return fn;
}

/** A document is checked as its shell (sections, period) and then record by record. */
export interface DocumentValidator {
  shell: ValidateFunction;
  records: Record<Section, ValidateFunction>;
}

/**
 * The document schema without its records, and each section's record schema.
 * Ajv gathers a document's errors by copying the list so far for every record,
 * so a file of 60,000 bad records would cost 60,000² copies: checked one by
 * one, each record's errors are its own.
 */
export function documentValidator(): DocumentValidator {
  const records = Object.fromEntries(SECTIONS.map((s) => [s, validator(SECTION_DEFS[s].schema)])) as Record<Section, ValidateFunction>;
  return { shell: validator('document-shell'), records };
}

/** One item of a record's list (a points record's deduction, a problem's recheck), as an attached sheet gives it row by row. */
export function itemValidator(schema: string, field: string): ValidateFunction {
  return validator(`${schema}#${field}`);
}

/** For each enum definition in common.schema.json: Chinese label → slug. */
export type LabelMaps = Record<string, Map<string, string>>;

let labels: LabelMaps | undefined;

function labelMaps(): LabelMaps {
  if (labels) return labels;
  labels = {};
  const defs = readSchema('common').definitions as Record<string, { 'x-labels'?: Record<string, string[]> }>;
  for (const [name, def] of Object.entries(defs)) {
    const xl = def['x-labels'];
    if (!xl) continue;
    const m = new Map<string, string>();
    for (const [slug, names] of Object.entries(xl)) {
      m.set(slug, slug);
      for (const n of names) m.set(n, slug);
    }
    labels[name] = m;
  }
  return labels;
}

/** The slug for an enum value already validated against definition `def`. */
export function slugOf(def: string, value: string): string {
  return labelMaps()[def]?.get(value) ?? value;
}

/** The schema a `$ref` of `root` points to: one of its own definitions, or one of common.schema.json's. */
function resolveRef(ref: string, root: AnySchemaObject): AnySchemaObject | undefined {
  const m = /^(common\.schema\.json)?#\/definitions\/(.+)$/.exec(ref);
  if (!m) return undefined;
  const defs = (m[1] ? readSchema('common') : root).definitions as Record<string, AnySchemaObject> | undefined;
  return defs?.[m[2]];
}

/** `data`, already valid against `schema`, with every enumeration label (x-labels) replaced by its slug. */
export function withSlugs(data: unknown, schema: AnySchemaObject, root: AnySchemaObject = schema): unknown {
  const s = schema.$ref ? (resolveRef(schema.$ref as string, root) ?? schema) : schema;
  const labels = s['x-labels'] as Record<string, string[]> | undefined;
  if (labels && typeof data === 'string') return Object.entries(labels).find(([, names]) => names.includes(data))?.[0] ?? data;
  if (Array.isArray(data) && s.items) return data.map((x) => withSlugs(x, s.items as AnySchemaObject, root));
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && s.properties) {
    const props = s.properties as Record<string, AnySchemaObject>;
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, props[k] ? withSlugs(v, props[k], root) : v]));
  }
  return data;
}

let fields: Set<string> | undefined;

/** Every field name the data schemas know, at any depth. */
export function fieldNames(): ReadonlySet<string> {
  if (fields) return fields;
  fields = new Set<string>();
  const walk = (s: AnySchemaObject) => {
    for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, AnySchemaObject>)) {
      fields!.add(k);
      walk(v);
      if (v.items) walk(v.items as AnySchemaObject);
    }
  };
  for (const name of ['document', ...RECORD_SCHEMAS]) walk(readSchema(name));
  for (const [k, v] of Object.entries(readSchema('common').definitions as Record<string, AnySchemaObject>)) if (k === 'votes') walk(v);
  return fields;
}
