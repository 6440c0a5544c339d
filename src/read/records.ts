// A schema-valid document → typed records with their source line, plus the
// checks one record can make on its own (dates in order, votes > 0, period).
import type { Path } from '../core/diagnostic.js';
import type { Msg } from '../core/messages/index.js';
import { slugOf } from './schemas.js';
import { normalizePeriod, periodOf } from '../core/dates.js';
import type {
  Adoption,
  Category,
  Commentary,
  Deduction,
  Grade,
  Lead,
  Member,
  Org,
  OrgType,
  Pledge,
  PledgeKind,
  PledgeStatus,
  Points,
  Report,
  Review,
  Role,
  Section,
  SectionRecords,
  Typical,
  Votes,
  Good,
} from '../core/model.js';
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
      switch (section) {
        case 'orgs':
          into.orgs.push(org(r, src));
          break;
        case 'members':
          into.members.push(member(r, src));
          break;
        case 'pledges': {
          const p = pledge(r, src);
          checkPledge(p, at, err);
          into.pledges.push(p);
          break;
        }
        case 'reviews': {
          const v = review(r, period!, src);
          if (total(v.masses) === 0) err([...at, 'masses'], { id: 'votes_zero' }, 'votes');
          into.reviews.push(v);
          break;
        }
        case 'points': {
          const p = points(r, period!, src);
          if (p.masses && total(p.masses) === 0) err([...at, 'masses'], { id: 'votes_zero' }, 'votes');
          // Each lead, and each deduction, within the full marks the rules give.
          for (const lead of LEADS) if (p[lead] > maxPoints) err([...at, lead], { id: 'points_max', params: { value: p[lead], max: maxPoints } }, 'range');
          p.deductions.forEach((d, j) => {
            if (d.points > maxPoints) err([...at, 'deductions', j, 'points'], { id: 'points_max', params: { value: d.points, max: maxPoints } }, 'range');
          });
          into.points.push(p);
          break;
        }
        case 'reports':
        case 'typicals': {
          const date = r.date as string;
          if (period && periodOf(date) !== period) {
            err([...at, 'date'], { id: 'outside_period', params: { date, period } }, 'period');
          }
          if (section === 'reports') into.reports.push(report(r, src));
          else into.typicals.push(typical(r, src));
          break;
        }
      }
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

export function total(v: Votes): number {
  return v.satisfied + v.basic + v.unsatisfied;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function votes(v: unknown): Votes | null {
  if (!v) return null;
  const o = v as Raw;
  return { satisfied: (o.satisfied as number) ?? 0, basic: (o.basic as number) ?? 0, unsatisfied: (o.unsatisfied as number) ?? 0 };
}

function org(r: Raw, src: Org['src']): Org {
  return {
    code: r.code as string,
    name: r.name as string,
    type: slugOf('orgType', r.type as string) as OrgType,
    parent: str(r.parent),
    category: slugOf('category', r.category as string) as Category,
    secretary: str(r.secretary),
    active: r.active !== false && r.active !== '否',
    src,
  };
}

function member(r: Raw, src: Member['src']): Member {
  return {
    id: r.id as string,
    name: r.name as string,
    org: r.org as string,
    role: slugOf('role', r.role as string) as Role,
    active: r.active !== false && r.active !== '否',
    src,
  };
}

function pledge(r: Raw, src: Pledge['src']): Pledge {
  return {
    id: r.id as string,
    owner: r.owner as string,
    kind: slugOf('pledgeKind', r.kind as string) as PledgeKind,
    standard: slugOf('standard', r.standard as string) as Good | Lead,
    content: r.content as string,
    made: r.made as string,
    due: r.due as string,
    status: slugOf('pledgeStatus', r.status as string) as PledgeStatus,
    fulfilled: str(r.fulfilled),
    evaluation: votes(r.evaluation),
    src,
  };
}

function review(r: Raw, period: string, src: Review['src']): Review {
  const c = r.commentary as Raw | undefined;
  return {
    org: r.org as string,
    period,
    self: r.self as number,
    masses: votes(r.masses)!,
    superior: r.superior as number,
    grade: r.grade ? (slugOf('grade', r.grade as string) as Grade) : null,
    reason: str(r.reason),
    commentary: c ? ({ date: c.date, by: c.by, text: c.text } as Commentary) : null,
    src,
  };
}

function points(r: Raw, period: string, src: Points['src']): Points {
  const deductions = ((r.deductions as Raw[] | undefined) ?? []).map(
    (d): Deduction => ({ dimension: slugOf('lead', d.dimension as string) as Lead, points: d.points as number, reason: d.reason as string }),
  );
  return {
    member: r.member as string,
    period,
    study: r.study as number,
    excel: r.excel as number,
    service: r.service as number,
    discipline: r.discipline as number,
    integrity: r.integrity as number,
    deductions,
    masses: votes(r.masses),
    src,
  };
}

function itemKey(r: Raw): string {
  return typeof r.id === 'string' ? `id:${r.id}` : `${r.org}|${r.date}|${r.title}`;
}

function report(r: Raw, src: Report['src']): Report {
  const date = r.date as string;
  return {
    key: itemKey(r),
    id: str(r.id),
    org: r.org as string,
    date,
    period: periodOf(date),
    title: r.title as string,
    adopted: r.adopted ? (slugOf('adoption', r.adopted as string) as Adoption) : 'none',
    src,
  };
}

function typical(r: Raw, src: Typical['src']): Typical {
  const date = r.date as string;
  return { key: itemKey(r), id: str(r.id), org: r.org as string, date, period: periodOf(date), title: r.title as string, src };
}
