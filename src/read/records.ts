// A schema-valid document → typed records with their source line, plus the
// checks one record can make on its own (dates in order, votes > 0, period).
import type { Path } from '../core/diagnostic.js';
import type { Msg } from '../core/messages/index.js';
import { slugOf } from './schemas.js';
import { normalizePeriod, periodOf } from '../core/dates.js';
import type { Deduction, Lead, Pledge, Points, Problem, Recheck, RecheckResult, Review, Section, SectionRecords, Source, Votes } from '../core/model.js';
import { SECTION_DEFS, UNDATED, type ColumnDef } from '../core/sections.js';
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

/** Fields whose value a file does not write as it is stored. */
const CUSTOM: Record<string, (r: Raw, period: string | null, section: Section) => unknown> = {
  // A report's or typical's identity: its id, else its org, date and title.
  key: (r) => (typeof r.id === 'string' ? `id:${r.id}` : `${r.org}|${r.date}|${r.title}`),
  // The quarter of a dated record (a problem's: when it was found), else a member's own, else the document's; a
  // member's record with none is UNDATED until the store settles it (SPEC §1 members).
  period: (r, period, section) =>
    typeof r.date === 'string'
      ? periodOf(r.date)
      : typeof r.found === 'string'
        ? periodOf(r.found)
        : typeof r.period === 'string'
          ? normalizePeriod(r.period)
          : (period ?? (section === 'members' ? UNDATED : null)),
  rechecks: (r) =>
    ((r.rechecks as Raw[] | undefined) ?? []).map(
      (x): Recheck => ({
        date: x.date as string,
        result: slugOf('recheckResult', x.result as string) as RecheckResult,
        note: (x.note as string | undefined) ?? null,
      }),
    ),
  deductions: (r) =>
    ((r.deductions as Raw[] | undefined) ?? []).map(
      (d): Deduction => ({ dimension: slugOf('lead', d.dimension as string) as Lead, points: d.points as number, reason: d.reason as string }),
    ),
};

/**
 * The reader of one section's records, made once from its column list as a
 * plain function (a city's two million records go through these): enumerations
 * by slug or label, optional fields null (or their default), `active` true
 * unless false or 否, a group (votes, a commentary) null when left out.
 */
function compileFromFile(section: Section, columns: ColumnDef[]): FromFile {
  const key = (name: string) => JSON.stringify(name);
  const raw = (name: string) => `r[${key(name)}]`;
  const given = (v: string, x: ColumnDef) =>
    x.absent === undefined ? v : x.absent === null && !x.enum ? `(typeof ${v} === 'string' ? ${v} : null)` : `(${v} ?? ${JSON.stringify(x.absent)})`;
  const value = (x: ColumnDef, v: string) => {
    if (x.kind === 'bool') return `(${v} !== false && ${v} !== '否')`;
    if (x.enum) return x.absent === undefined ? `slug(${key(x.enum)}, ${v})` : `(${v} ? slug(${key(x.enum)}, ${v}) : ${JSON.stringify(x.absent)})`;
    return given(v, x);
  };
  const own = columns.filter((x) => x.derive === undefined);
  const parts: string[] = [];
  for (let i = 0; i < own.length; i++) {
    const [name, sub] = own[i].field!.split('.');
    if (CUSTOM[name]) parts.push(`${key(name)}: custom[${key(name)}](r, period, ${key(section)})`);
    else if (sub === undefined) parts.push(`${key(name)}: ${value(own[i], raw(name))}`);
    else {
      const members: string[] = [];
      for (let j = i; j < own.length && own[j].field!.startsWith(`${name}.`); j++) {
        const part = own[j].field!.split('.')[1];
        members.push(`${key(part)}: ${given(`${raw(name)}[${key(part)}]`, own[j])}`);
      }
      parts.push(`${key(name)}: ${raw(name)} ? { ${members.join(', ')} } : null`);
      i += members.length - 1;
    }
  }
  // Code made from the constant column lists of core/sections.ts, never from data.
  return new Function('slug', 'custom', `return (r, period, src) => ({ ${parts.join(', ')}, src });`)(slugOf, CUSTOM);
}

const FROM_FILE = Object.fromEntries(SECTIONS.map((s) => [s, compileFromFile(s, SECTION_DEFS[s].columns as ColumnDef[])])) as Record<Section, FromFile>;
