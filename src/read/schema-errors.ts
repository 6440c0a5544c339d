// Ajv errors → findings at the offending field, with messages an office
// worker can act on (bounds, allowed values, a suggested date).
import type { ErrorObject } from 'ajv';
import type { Path } from '../core/diagnostic.js';
import type { Msg } from '../core/messages/index.js';
import { lastDayOfMonth, suggestDate } from '../core/dates.js';
import { halfWidth, hasFullWidth } from '../core/text.js';
import type { Finding } from './findings.js';

export function schemaFindings(errors: ErrorObject[]): Finding[] {
  return errors.map(toFinding);
}

function toFinding(e: ErrorObject): Finding {
  const base = pointerToPath(e.instancePath);
  const value = e.data;
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  const shown = display(value);
  const make = (code: string, msg: Msg, path: Path = base, key = false): Finding => ({ path, key, code, msg });

  switch (e.keyword) {
    case 'required': {
      // A group's part is named with its group (commentary.by: 点评人), as the sheets name it.
      const part = (e.params as { missingProperty: string }).missingProperty;
      const group = base.at(-1);
      return make('required', { id: 'required', params: { field: typeof group === 'string' ? `${group}.${part}` : part } });
    }
    case 'additionalProperties': {
      const field = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((parent.properties as object | undefined) ?? {});
      const hint = closest(field, allowed);
      return make('unknown_field', { id: 'unknown_field', params: { field, hint: hint ?? '', allowed: allowed.join(', ') } }, [...base, field], true);
    }
    case 'type': {
      const expected = (e.params as { type: string }).type.split(',')[0];
      const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
      if (
        (expected === 'number' || expected === 'integer') &&
        typeof value === 'string' &&
        hasFullWidth(value) &&
        /^[-+]?\d+(\.\d+)?$/.test(halfWidth(value).trim())
      ) {
        return make('type', { id: 'fullwidth', params: { value, half: halfWidth(value).trim() } });
      }
      if (typeof value === 'number' && !Number.isFinite(value)) return { ...make('type', { id: 'not_finite', params: { value: shown } }), written: 'value' };
      if (expected === 'integer' && typeof value === 'number') return make('type', { id: 'integer', params: { value: shown } });
      // A code written as digits (0101) was read as a number: the message shows it as written, quoted.
      if (expected === 'string' && typeof value === 'number' && typeof parent.pattern === 'string') {
        return { ...make('type', { id: 'type', params: { expected, actual, code: String(value) } }), written: 'code' };
      }
      return make('type', { id: 'type', params: { expected, actual } });
    }
    case 'minimum':
    case 'maximum': {
      if (typeof parent.minimum === 'number' && typeof parent.maximum === 'number') {
        return make('range', { id: 'range', params: { min: parent.minimum, max: parent.maximum, value: shown } });
      }
      return e.keyword === 'minimum'
        ? make('range', { id: 'min', params: { min: parent.minimum as number, value: shown } })
        : make('range', { id: 'max', params: { max: parent.maximum as number, value: shown } });
    }
    case 'exclusiveMinimum':
      return make('range', { id: 'above', params: { min: parent.exclusiveMinimum as number, value: shown } });
    case 'multipleOf':
      return make('type', { id: 'integer', params: { value: shown } });
    case 'minLength':
      return make('empty', { id: 'empty' });
    case 'maxLength':
      return make('too_long', { id: 'too_long', params: { max: parent.maxLength as number } });
    case 'maxItems':
      return make('too_many', { id: 'too_many', params: { max: parent.maxItems as number } });
    case 'minItems':
      return make('too_few', { id: 'too_few', params: { min: parent.minItems as number } });
    case 'pattern': {
      const pattern = (e.params as { pattern: string }).pattern;
      if (typeof value === 'string' && hasFullWidth(value)) return make('pattern', { id: 'fullwidth', params: { value, half: halfWidth(value) } });
      if (pattern.includes('[Qq]')) return make('period', { id: 'period_pattern', params: { value: shown } });
      if (pattern.startsWith('^[A-Za-z0-9]')) return make('pattern', { id: 'code_pattern', params: { value: shown } });
      return make('pattern', { id: 'pattern', params: { value: shown } });
    }
    case 'format': {
      if (typeof value === 'string' && hasFullWidth(value))
        return make('date', { id: 'fullwidth', params: { value, half: suggestDate(halfWidth(value)) ?? halfWidth(value) } });
      const days = typeof value === 'string' ? daysIfNoSuchDay(value) : null;
      if (days !== null) return make('date', { id: 'date_no_day', params: { value: shown, days } });
      return make('date', { id: 'date', params: { value: shown, suggest: (typeof value === 'string' && suggestDate(value)) || '' } });
    }
    case 'enum': {
      if (typeof value === 'string' && hasFullWidth(value)) return make('enum', { id: 'fullwidth', params: { value, half: halfWidth(value) } });
      const xl = parent['x-labels'] as Record<string, string[]> | undefined;
      const slugs = xl ? Object.keys(xl) : ((parent.enum as unknown[]) ?? []).map(String);
      // Chinese text offers the words a branch writes (长远、年度); English the slugs.
      const labels = slugs.map((slug) => xl?.[slug]?.[0] ?? slug);
      return make('enum', { id: 'enum', params: { value: shown, allowed: slugs.join(', '), labels: labels.join('、') } });
    }
    case 'dependencies': {
      const p = e.params as { property: string; missingProperty: string };
      return make('required', { id: 'depends', params: { field: p.property, needs: p.missingProperty } }, [...base, p.property], true);
    }
    case 'uniqueItems':
      return make('duplicate_id', { id: 'pattern', params: { value: shown } });
    default:
      return make('schema', { id: 'pattern', params: { value: shown } });
  }
}

/** A date in the right form whose day the month does not have (2011-02-30): the month's days; else null. */
function daysIfNoSuchDay(value: string): number | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/.exec(value);
  if (!m) return null;
  const days = Number(lastDayOfMonth(`${m[1]}-${m[2]}`).slice(8));
  return Number(m[3]) > days ? days : null;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function display(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The allowed field nearest to a misspelt one, if it is close enough to be a typo. */
export function closest(field: string, allowed: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const a of allowed) {
    const d = distance(field.toLowerCase(), a.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = a;
    }
  }
  return best !== null && bestD <= Math.max(1, Math.floor(best.length / 3)) ? best : null;
}

/** Levenshtein distance. */
export function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}
