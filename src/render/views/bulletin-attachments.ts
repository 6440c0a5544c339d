// The bulletin's attachments (附件): the tables behind each section of the
// body, as parts of a document; bulletin.ts numbers them.
import type { Bulletin } from '../../analyses/bulletin/bulletin.js';
import type { PledgeRow } from '../../analyses/bulletin/pledges.js';
import type { OrgGrade } from '../../analyses/grade.js';
import type { PlainId } from '../../core/messages/index.js';
import { lastDayOfMonth } from '../../core/dates.js';
import { GRADES } from '../../core/model.js';
import type { Writer } from './bulletin-writer.js';
import type { CommitteeLedger } from '../../analyses/ledger.js';
import { committeeRow } from './ledger-rows.js';
import { type CellValue, date, num, type Part, share, text } from '../doc.js';
import { tm } from '../i18n/index.js';
import { punct } from '../i18n/punctuation.js';

export const GRADE_COLORS: Record<string, string> = { good: '#2e7d32', fair: '#00838f', average: '#f9a825', poor: '#c62828', ungraded: '#9e9e9e' };
const MET = '#2e7d32';
const MISSED = '#c62828';
const MOVE_COLORS: Record<string, string> = { up: '#2e7d32', same: '#607d8b', down: '#c62828', new: '#1565c0' };

/** Information reports: the committees' chart, the month's table, who sent none, adopted items, repeats, typicals. */
export function reportsParts(b: Bulletin, x: Writer): Part[] {
  const { tr, h, w, table, chart, named, lang, quarter, month } = x;
  const r = b.reports;
  const ov = b.overview;
  const months = r.quarter.orgs[0] ? Object.keys(r.quarter.orgs[0].months) : [];
  const quarterOf = new Map(r.quarter.orgs.map((o) => [o.org, o]));
  const nameOf = new Map(r.month.orgs.map((o) => [o.org, o.name]));
  const quotaParts: Part[] = [
    chart({
      id: 'quota',
      caption: tr('bulletin_c_committees'),
      label: tr('bulletin_h_committee'),
      bars: r.committees.map((c) => ({
        label: c.name,
        segments: [
          { name: tr('bulletin_series_met'), value: c.met, color: MET },
          { name: tr('bulletin_series_missed'), value: c.missed, color: MISSED },
        ],
      })),
    }),
    ...(r.units.length
      ? [
          table(tr('bulletin_t_units', { month }), h('q_rank', 'bulletin_h_committee', 'bulletin_series_orgs', 'bulletin_series_met', 'bulletin_h_met_rate'), {
            list: r.units,
            row: (u) => [num(u.rank), text(u.name), num(u.orgs), num(u.met), share(u.rate)],
          }),
        ]
      : []),
    table(
      tr('bulletin_t_month', { month, quota: r.month.orgs[0]?.quota ?? 0 }),
      [
        ...h('q_rank', 'bulletin_h_org', 'bulletin_h_name'),
        ...months.map((m) => tr('bulletin_h_month_n', { m: Number(m.slice(5)) })),
        ...h('q_short', 'bulletin_h_points_month', 'q_months_met', 'bulletin_h_points_quarter'),
      ],
      {
        list: r.month.orgs,
        row: (o) => {
          const qo = quarterOf.get(o.org);
          return [
            num(o.rank),
            text(o.org),
            text(o.name),
            ...months.map((m) => num(qo?.months[m].count ?? 0)),
            num(o.shortfall),
            num(o.points),
            num(qo?.months_met ?? 0),
            num(qo?.points ?? 0),
          ];
        },
      },
    ),
    named(tr('bulletin_t_no_reports'), ov.no_reports),
    table(
      tr('bulletin_t_adopted'),
      h('bulletin_h_name', 'bulletin_h_title', 'bulletin_h_adopted', 'q_points'),
      { list: r.adopted, row: (i) => [text(nameOf.get(i.org) ?? i.org), text(i.title), text(w(i.adopted)), num(i.points)] },
      [1],
    ),
    table(
      tr('bulletin_t_duplicates'),
      h('bulletin_h_name', 'bulletin_h_month', 'bulletin_h_title'),
      { list: r.month.duplicates, row: (d) => [text(nameOf.get(d.org) ?? d.org), text(d.month), text(d.title)] },
      [2],
    ),
    table(
      tr('bulletin_t_typicals', { period: quarter(b.period), need: r.typicals_need }),
      h('bulletin_h_committee', 'q_typicals', 'q_met', 'bulletin_h_titles'),
      {
        list: r.typicals,
        row: (c) => [text(c.name), num(c.count), text(tr(c.met ? 'yes' : 'no')), text(c.typicals.map((x) => x.title).join(punct(lang, 'clause')))],
      },
      [3],
    ),
  ];
  return quotaParts;
}

/** Pledges made, kept, overdue, vague and evaluated this month, and who has none. */
export function pledgesParts(b: Bulletin, x: Writer): Part[] {
  const { tr, h, w, table, named, lang } = x;
  const p = b.pledges;
  const pledgeRow = (x: PledgeRow, ...extra: CellValue[]): CellValue[] => [text(x.owner_name), text(w(x.kind)), text(x.content), ...extra];
  const pledgeHead = (...extra: PlainId[]) => h('bulletin_h_owner_name', 'bulletin_h_kind', 'bulletin_h_content', ...extra);
  return [
    table(
      tr('bulletin_t_made'),
      pledgeHead('bulletin_h_made', 'bulletin_h_due'),
      { list: p.made, row: (x) => pledgeRow(x, date(x.made), date(x.due)), total: p.counts.made },
      [2],
    ),
    table(
      tr('bulletin_t_fulfilled'),
      pledgeHead('bulletin_h_due', 'bulletin_h_fulfilled'),
      { list: p.fulfilled, row: (x) => pledgeRow(x, date(x.due), date(x.fulfilled)), total: p.counts.fulfilled },
      [2],
    ),
    table(
      tr('bulletin_t_overdue', { end: lastDayOfMonth(b.month) }),
      pledgeHead('bulletin_h_due', 'bulletin_h_status'),
      { list: p.overdue, row: (x) => pledgeRow(x, date(x.due), text(w(x.status))), total: p.counts.overdue },
      [2],
    ),
    table(
      tr('bulletin_t_vague'),
      pledgeHead('bulletin_h_reasons'),
      { list: p.vague, row: (x) => pledgeRow(x, text(x.reasons.map((m) => tm(lang, m)).join(punct(lang, 'clause')))), total: p.counts.vague },
      [2, 3],
    ),
    table(
      tr('bulletin_t_evaluated'),
      pledgeHead('bulletin_h_satisfied', 'bulletin_h_basic', 'bulletin_h_unsatisfied', 'g_sat'),
      {
        list: p.evaluated,
        row: (x) => pledgeRow(x, num(x.votes.satisfied), num(x.votes.basic), num(x.votes.unsatisfied), share(x.satisfaction)),
        total: p.counts.evaluated,
      },
      [2],
    ),
    named(tr('bulletin_t_orgs_without'), p.coverage.orgs.without),
    table(tr('bulletin_t_members_without'), h('bulletin_h_org', 'bulletin_h_name', 'bulletin_h_members', 'bulletin_h_without'), {
      list: p.coverage.members.by_org,
      row: (o) => [text(o.code), text(o.name), num(o.members), num(o.without)],
    }),
  ];
}

/** The quarter's grades: charts, moves, overrides, the remedial list, overdue commentary, orgs without a review; none before a quarter is graded. */
export function gradingParts(b: Bulletin, x: Writer, belowPct: string): Part[] | null {
  const { tr, h, w, table, chart, named, quarter } = x;
  const g = b.grading;
  const ov = b.overview;
  const gradeRow = (o: OrgGrade) => [text(o.org), text(o.name)];
  if (!g) return null;
  return [
    chart({
      id: 'grades',
      caption: tr('bulletin_c_grades', { period: quarter(g.period) }),
      label: tr('bulletin_h_grade'),
      bars: [...GRADES, 'ungraded' as const].map((k) => ({
        label: w(k),
        segments: [{ name: tr('bulletin_series_orgs'), value: g.summary[k], color: GRADE_COLORS[k] }],
      })),
    }),
    chart({
      id: 'movement',
      caption: tr('bulletin_c_movement'),
      label: tr('g_move'),
      bars: (['up', 'same', 'down', 'new'] as const).map((k) => ({
        label: w(k),
        segments: [{ name: tr('bulletin_series_orgs'), value: g.movement[k], color: MOVE_COLORS[k] }],
      })),
    }),
    table(tr('bulletin_t_moved'), h('bulletin_h_org', 'bulletin_h_name', 'bulletin_h_previous', 'bulletin_h_current', 'g_move'), {
      list: g.moved,
      row: (o) => [...gradeRow(o), text(w(o.previous ?? '-')), text(w(o.grade)), text(w(o.movement ?? '-'))],
    }),
    table(
      tr('bulletin_t_overrides'),
      h('bulletin_h_org', 'bulletin_h_name', 'g_composite', 'g_computed', 'g_grade', 'bulletin_h_reason'),
      { list: g.overrides, row: (o) => [...gradeRow(o), num(o.composite ?? 0, 1), text(w(o.computed ?? '-')), text(w(o.grade)), text(o.reason ?? '')] },
      [5],
    ),
    table(tr('bulletin_t_remedial', { below: belowPct }), h('bulletin_h_org', 'bulletin_h_name', 'g_sat', 'g_grade', 'g_action'), {
      list: g.remedial,
      row: (o) => [...gradeRow(o), share(o.satisfaction), text(w(o.grade)), text(o.action ? w(o.action) : '')],
    }),
    table(tr('bulletin_t_commentary'), h('bulletin_h_org', 'bulletin_h_name', 'g_grade'), {
      list: g.commentary_overdue,
      row: (o) => [...gradeRow(o), text(w(o.grade))],
    }),
    named(tr('bulletin_t_no_review', { period: quarter(g.period) }), ov.no_review),
  ];
}

/** Red-star members by branch, benchmark branches and flag committees; none before a quarter is rated. */
export function starsParts(b: Bulletin, x: Writer): Part[] | null {
  const { tr, h, table, named, sep } = x;
  const s = b.stars;
  if (!s) return null;
  return [
    // Red-star members by branch, as a bulletin names them: their scores are in the JSON.
    table(
      tr('bulletin_t_red'),
      h('bulletin_h_member_org', 'bulletin_h_count', 'bulletin_h_red_names'),
      { list: s.red_by_branch, row: (b) => [text(b.org_name), num(b.count), text(b.names.join(sep))], total: s.counts.branches },
      [2],
    ),
    named(tr('bulletin_t_benchmark'), s.benchmark),
    named(tr('bulletin_t_flag'), s.flag),
  ];
}

/** The committees' rectification, ranked, and the supervised problems; none without a ledger. */
export function ledgerParts(b: Bulletin, x: Writer): Part[] | null {
  const { tr, h, table, lang } = x;
  const l = b.ledger;
  if (!l) return null;
  const committees = { list: l.ledger.committees, row: (c: CommitteeLedger) => committeeRow(c, false, lang) };
  const supervised = {
    list: l.supervised,
    row: (s: (typeof l.supervised)[number]) => [text(s.problem.id), text(s.name), text(s.problem.content), date(s.problem.due), num(s.days_overdue)],
  };
  return [
    table(
      tr('bulletin_t_ledger_committees'),
      h('lg_h_rank', 'bulletin_h_committee', 'lg_h_found_n', 'lg_h_closed_n', 'lg_h_rate', 'lg_h_overdue_n', 'lg_h_supervised_n'),
      committees,
    ),
    table(tr('bulletin_t_supervised'), h('lg_h_id', 'lg_h_name', 'lg_h_content', 'lg_h_due', 'lg_h_days'), supervised, [2]),
  ];
}
