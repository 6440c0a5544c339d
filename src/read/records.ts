// A schema-valid document → typed records with their source line, plus the
// checks one record can make on its own (dates in order, votes > 0, period).
import type { Path } from '../core/diagnostic.js';
import type { Msg } from '../core/messages/index.js';
import { slugOf } from './schemas.js';
import { normalizePeriod, periodOf } from '../core/dates.js';
import type { Pledge, Points, Problem, Review, Section, SectionRecords, Source, Votes } from '../core/model.js';
import { SECTION_DEFS, type ColumnDef, type FileContext } from '../core/sections.js';
import { LEADS, SECTIONS } from '../core/model.js';
import type { Finding } from './findings.js';
import type { Present } from './rows.js';

type Raw = Record<string, unknown>;

/** `line(section, i)`: the line of a section's i-th record; `maxPoints`: the rules' stars.max_points. */
export function collectRecords(
  data: Raw,
  file: string,
  line: (section: Section, i: number) => number,
  maxPoints: number,
  into: SectionRecords,
  found: (f: Finding) => void,
): Present {
  const period = typeof data.period === 'string' ? normalizePeriod(data.period) : null;
  const err = (path: Path, msg: Msg, code: string, key = false) => found({ path, key, code, msg });
  const present: Present = [];

  for (const section of SECTIONS) {
    const list = data[section] as Raw[] | undefined;
    if (!list) continue;
    present.push({ section, period });
    list.forEach((r, i) => {
      const at: Path = [section, i];
      const src = { file, line: line(section, i) };
      const record = FROM_FILE[section](r, period, src);
      switch (section) {
        case 'pledges':
          checkPledge(record as Pledge, at, err);
          break;
        case 'reviews':
          if (total((record as Review).masses) === 0) err([...at, 'masses'], { id: 'votes_zero' }, 'votes');
          break;
        case 'points': {
          const p = record as Points;
          if (p.masses && total(p.masses) === 0) err([...at, 'masses'], { id: 'votes_zero' }, 'votes');
          // Each lead, and each deduction, within the full marks the rules give.
          for (const lead of LEADS) if (p[lead] > maxPoints) err([...at, lead], { id: 'points_max', params: { value: p[lead], max: maxPoints } }, 'range');
          p.deductions.forEach((d, j) => {
            if (d.points > maxPoints) err([...at, 'deductions', j, 'points'], { id: 'points_max', params: { value: d.points, max: maxPoints } }, 'range');
          });
          break;
        }
        case 'problems':
          checkProblem(record as Problem, at, err);
          break;
        case 'reports':
        case 'typicals': {
          const date = r.date as string;
          if (period && periodOf(date) !== period) {
            err([...at, 'date'], { id: 'outside_period', params: { date, period } }, 'period');
          }
          break;
        }
      }
      (into[section] as unknown[]).push(record);
    });
  }
  return present;
}

function checkPledge(p: Pledge, at: Path, err: (path: Path, msg: Msg, code: string, key?: boolean) => void): void {
  if (p.due < p.made) err([...at, 'due'], { id: 'due_before_made', params: { due: p.due, made: p.made } }, 'dates');
  if (p.status === 'fulfilled' && !p.fulfilled) err(at, { id: 'fulfilled_required' }, 'required');
  if (p.status !== 'fulfilled' && p.fulfilled) {
    err([...at, 'fulfilled'], { id: 'fulfilled_forbidden', params: { status: p.status } }, 'dates', true);
  }
  if (p.fulfilled && p.fulfilled < p.made) {
    err([...at, 'fulfilled'], { id: 'fulfilled_before_made', params: { fulfilled: p.fulfilled, made: p.made } }, 'dates');
  }
  if (p.evaluation && total(p.evaluation) === 0) err([...at, 'evaluation'], { id: 'votes_zero' }, 'votes');
}

type Err = (path: Path, msg: Msg, code: string, key?: boolean) => void;

/** A problem's dates in order, and present exactly when its status says (SPEC §1 problems). */
function checkProblem(p: Problem, at: Path, err: Err): void {
  const order = (field: string, date: string | null, other: string, before: string | null) => {
    if (date !== null && before !== null && date < before)
      err([...at, field], { id: 'problem_date_order', params: { date_field: `d_${field}`, date, other_field: `d_${other}`, before } }, 'dates');
  };
  const state = `ps_${p.status}`;
  const needs = { resolved: p.status === 'resolved' || p.status === 'closed', closed: p.status === 'closed' };
  for (const field of ['resolved', 'closed'] as const) {
    if (needs[field] && p[field] === null) err(at, { id: 'problem_date_required', params: { date_field: `d_${field}`, state } }, 'required');
    if (!needs[field] && p[field] !== null) err([...at, field], { id: 'problem_date_forbidden', params: { date_field: `d_${field}`, state } }, 'dates', true);
  }
  order('due', p.due, 'found', p.found);
  order('resolved', p.resolved, 'found', p.found);
  order('closed', p.closed, 'resolved', p.resolved);
  if (p.evaluation && total(p.evaluation) === 0) err([...at, 'evaluation'], { id: 'votes_zero' }, 'votes');
  if (p.rechecks.length > 0 && p.status !== 'closed') err([...at, 'rechecks'], { id: 'recheck_not_closed', params: { state } }, 'dates', true);
  p.rechecks.forEach((r, j) => {
    if (p.closed !== null && r.date < p.closed)
      err(
        [...at, 'rechecks', j, 'date'],
        { id: 'problem_date_order', params: { date_field: 'd_recheck', date: r.date, other_field: 'd_closed', before: p.closed } },
        'dates',
      );
  });
}

export function total(v: Votes): number {
  return v.satisfied + v.basic + v.unsatisfied;
}

/** A record's own columns, as the section's column list says a file writes them. */
type FromFile = (r: Raw, period: string | null, src: Source) => unknown;

/** One field of a record read from a file. */
type Field = (r: Raw, ctx: FileContext) => unknown;

/** A field as written (a text, a number: the schema has checked its type), or its default when a file leaves it out. */
function given(name: string, x: ColumnDef): (r: Raw) => unknown {
  if (x.absent === undefined) return (r) => r[name];
  const absent = x.absent;
  return (r) => r[name] ?? absent;
}

/** A column's field: enumerations by slug or label, `active` true unless false or 否, the rest as written or their default. */
function fieldOf(x: ColumnDef, name: string): Field {
  if (x.fromFile) return x.fromFile;
  if (x.kind === 'bool') return (r) => r[name] !== false && r[name] !== '否';
  const domain = x.enum;
  if (domain === undefined) return given(name, x);
  const absent = x.absent;
  return absent === undefined ? (r, c) => c.slug(domain, r[name] as string) : (r, c) => (r[name] ? c.slug(domain, r[name] as string) : absent);
}

/** A group's field (votes, a commentary): its parts as written, or null when left out. */
function groupOf(name: string, parts: [string, ColumnDef][]): Field {
  const each = parts.map(([part, x]) => [part, given(part, x)] as const);
  return (r) => {
    const g = r[name] as Raw | undefined;
    if (!g) return null;
    const out: Raw = {};
    for (const [part, get] of each) out[part] = get(g);
    return out;
  };
}

/** The reader of one section's records, from its column list: each field in the list's order, the source last. */
function readerOf(columns: ColumnDef[]): FromFile {
  const own = columns.filter((x) => x.derive === undefined);
  const fields: [string, Field][] = [];
  for (let i = 0; i < own.length; i++) {
    const [name, sub] = own[i].field!.split('.');
    if (sub === undefined) {
      fields.push([name, fieldOf(own[i], name)]);
      continue;
    }
    const parts: [string, ColumnDef][] = [];
    for (let j = i; j < own.length && own[j].field!.startsWith(`${name}.`); j++) parts.push([own[j].field!.split('.')[1], own[j]]);
    fields.push([name, groupOf(name, parts)]);
    i += parts.length - 1;
  }
  const ctx: FileContext = { period: null, slug: slugOf };
  return (r, period, src) => {
    ctx.period = period;
    const o: Raw = {};
    for (const [name, get] of fields) o[name] = get(r, ctx);
    o.src = src;
    return o;
  };
}

const FROM_FILE = Object.fromEntries(SECTIONS.map((s) => [s, readerOf(SECTION_DEFS[s].columns as ColumnDef[])])) as Record<Section, FromFile>;
