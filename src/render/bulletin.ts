// The bulletin as the office issues it: a notice (通报) whose body states the
// month's figures in sentences, section by section, and whose tables follow as
// numbered attachments (附件). Printed forms carry no file paths: the sources
// stay in the JSON and in grade --explain.
import { GRADES } from '../core/model.js';
import { groupBy } from '../core/collections.js';
import type { Bulletin } from '../analyses/bulletin/bulletin.js';
import type { PledgeRow, Named } from '../analyses/bulletin/pledges.js';
import type { OrgGrade } from '../analyses/grade.js';
import type { Rules } from '../core/rules.js';
import type { Messages, MsgId, PlainId } from '../core/messages/index.js';
import { pct } from '../core/numbers.js';
import { lastDayOfMonth } from '../core/dates.js';
import { t, tm, word, type Lang } from './i18n/index.js';
import { date, num, para, share, text, type CellValue, type Chart, type Doc, type DocSection, type Part } from './doc.js';
import { punct } from './i18n/punctuation.js';

/** Markdown and HTML are read by people: a longer table is cut there (XLSX and JSON keep every row). */
export const MAX_TEXT_ROWS = 500;
/** Names a sentence lists before it says how many more there are. */
const NAMES_IN_PROSE = 8;

export const GRADE_COLORS: Record<string, string> = { good: '#2e7d32', fair: '#00838f', average: '#f9a825', poor: '#c62828', ungraded: '#9e9e9e' };
const MET = '#2e7d32';
const MISSED = '#c62828';
const MOVE_COLORS: Record<string, string> = { up: '#2e7d32', same: '#607d8b', down: '#c62828', new: '#1565c0' };

export interface NoticeOptions {
  version: string;
  belowPct: string;
  office: Rules['office'];
  /** --org: the committee whose subtree the bulletin covers. */
  scope: Named | null;
  /** The day it is issued, YYYY-MM-DD. */
  issued: string;
  /** --number. */
  number: number | null;
}

export function bulletinDoc(b: Bulletin, lang: Lang, opts: NoticeOptions): Doc {
  const tr = <K extends MsgId>(id: K, ...p: {} extends Messages[K] ? [Messages[K]?] : [Messages[K]]) => t(lang, id, ...p);
  const w = (k: string) => word(lang, k);
  const h = (...ids: PlainId[]) => ids.map((id) => t(lang, id));
  const none = tr('bulletin_none');
  const cut = { max: MAX_TEXT_ROWS, more: (shown: number, total: number) => tr('bulletin_more', { shown, total }) };
  const table = (caption: string, headers: string[], rows: CellValue[][], wrap?: number[]): Part => ({
    kind: 'table',
    table: { caption, headers, rows, none, cut, ...(wrap ? { wrap } : {}) },
  });
  const chart = (c: Omit<Chart, 'none'>): Part => ({ kind: 'chart', chart: { ...c, none } });
  const named = (caption: string, list: Named[]): Part => ({
    kind: 'table',
    table: { caption, headers: h('bulletin_h_org', 'bulletin_h_name'), rows: list.map((n) => [text(n.code), text(n.name)]), none, list: true },
  });
  const sep = punct(lang, 'list');
  /** Names in a sentence: the first few, then how many in all. */
  const names = (list: string[]) =>
    list.length <= NAMES_IN_PROSE ? list.join(sep) : tr('bulletin_names_more', { names: list.slice(0, NAMES_IN_PROSE).join(sep), n: list.length });
  const month = tr('bulletin_month_words', { y: b.month.slice(0, 4), m: Number(b.month.slice(5)) });
  const quarter = (p: string) => tr('bulletin_period_words', { y: p.slice(0, 4), q: Number(p.slice(5)) });
  const area = opts.scope ? opts.scope.name : (opts.office.area ?? tr('bulletin_area_default'));
  const graded = b.graded_period;

  // The attachments, numbered in the order they come: a section without tables has none.
  const attachments: DocSection[] = [];
  const attachmentNames: string[] = [];
  const attach = (id: string, name: string, parts: Part[]): number => {
    const n = attachments.length + 1;
    attachmentNames.push(name);
    attachments.push({ id: `attachment-${id}`, title: tr('bulletin_att_title', { n, name }), attachment: n, parts });
    return n;
  };
  const ov = b.overview;
  const r = b.reports;
  const p = b.pledges;
  const g = b.grading;
  const s = b.stars;

  // Attachment: reports.
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
    table(
      tr('bulletin_t_month', { month, quota: r.month.orgs[0]?.quota ?? 0 }),
      [
        ...h('q_rank', 'bulletin_h_org', 'bulletin_h_name'),
        ...months.map((m) => tr('bulletin_h_month_n', { m: Number(m.slice(5)) })),
        ...h('q_short', 'bulletin_h_points_month', 'q_months_met', 'bulletin_h_points_quarter'),
      ],
      r.month.orgs.map((o) => {
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
      }),
    ),
    named(tr('bulletin_t_no_reports'), ov.no_reports),
    table(
      tr('bulletin_t_adopted'),
      h('bulletin_h_name', 'bulletin_h_title', 'bulletin_h_adopted', 'q_points'),
      r.adopted.map((i) => [text(nameOf.get(i.org) ?? i.org), text(i.title), text(w(i.adopted)), num(i.points)]),
      [1],
    ),
    table(
      tr('bulletin_t_duplicates'),
      h('bulletin_h_name', 'bulletin_h_month', 'bulletin_h_title'),
      r.month.duplicates.map((d) => [text(nameOf.get(d.org) ?? d.org), text(d.month), text(d.title)]),
      [2],
    ),
    table(
      tr('bulletin_t_typicals', { period: quarter(b.period), need: r.typicals_need }),
      h('bulletin_h_committee', 'q_typicals', 'q_met', 'bulletin_h_titles'),
      r.typicals.map((c) => [text(c.name), num(c.count), text(tr(c.met ? 'yes' : 'no')), text(c.typicals.map((x) => x.title).join(punct(lang, 'clause')))]),
      [3],
    ),
  ];
  const reportsAtt = attach('reports', tr('bulletin_a_reports'), quotaParts);

  // Attachment: pledges.
  const pledgeRow = (x: PledgeRow, ...extra: CellValue[]): CellValue[] => [text(x.owner_name), text(w(x.kind)), text(x.content), ...extra];
  const pledgeHead = (...extra: PlainId[]) => h('bulletin_h_owner_name', 'bulletin_h_kind', 'bulletin_h_content', ...extra);
  const pledgesAtt = attach('pledges', tr('bulletin_a_pledges'), [
    table(
      tr('bulletin_t_made'),
      pledgeHead('bulletin_h_made', 'bulletin_h_due'),
      p.made.map((x) => pledgeRow(x, date(x.made), date(x.due))),
      [2],
    ),
    table(
      tr('bulletin_t_fulfilled'),
      pledgeHead('bulletin_h_due', 'bulletin_h_fulfilled'),
      p.fulfilled.map((x) => pledgeRow(x, date(x.due), date(x.fulfilled))),
      [2],
    ),
    table(
      tr('bulletin_t_overdue', { end: lastDayOfMonth(b.month) }),
      pledgeHead('bulletin_h_due', 'bulletin_h_status'),
      p.overdue.map((x) => pledgeRow(x, date(x.due), text(w(x.status)))),
      [2],
    ),
    table(
      tr('bulletin_t_vague'),
      pledgeHead('bulletin_h_reasons'),
      p.vague.map((x) => pledgeRow(x, text(x.reasons.map((m) => tm(lang, m)).join(punct(lang, 'clause'))))),
      [2, 3],
    ),
    table(
      tr('bulletin_t_evaluated'),
      pledgeHead('bulletin_h_satisfied', 'bulletin_h_basic', 'bulletin_h_unsatisfied', 'g_sat'),
      p.evaluated.map((x) => pledgeRow(x, num(x.votes.satisfied), num(x.votes.basic), num(x.votes.unsatisfied), share(x.satisfaction))),
      [2],
    ),
    named(tr('bulletin_t_orgs_without'), p.coverage.orgs.without),
    table(
      tr('bulletin_t_members_without'),
      h('bulletin_h_org', 'bulletin_h_name', 'bulletin_h_members', 'bulletin_h_without'),
      p.coverage.members.by_org.map((o) => [text(o.code), text(o.name), num(o.members), num(o.without)]),
    ),
  ]);

  // Attachment: grading.
  const gradeRow = (o: OrgGrade) => [text(o.org), text(o.name)];
  const gradingAtt = g
    ? attach('grading', tr('bulletin_a_grading'), [
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
        table(
          tr('bulletin_t_moved'),
          h('bulletin_h_org', 'bulletin_h_name', 'bulletin_h_previous', 'bulletin_h_current', 'g_move'),
          g.moved.map((o) => [...gradeRow(o), text(w(o.previous ?? '-')), text(w(o.grade)), text(w(o.movement ?? '-'))]),
        ),
        table(
          tr('bulletin_t_overrides'),
          h('bulletin_h_org', 'bulletin_h_name', 'g_composite', 'g_computed', 'g_grade', 'bulletin_h_reason'),
          g.overrides.map((o) => [...gradeRow(o), num(o.composite ?? 0, 1), text(w(o.computed ?? '-')), text(w(o.grade)), text(o.reason ?? '')]),
          [5],
        ),
        table(
          tr('bulletin_t_remedial', { below: opts.belowPct }),
          h('bulletin_h_org', 'bulletin_h_name', 'g_sat', 'g_grade', 'g_action'),
          g.remedial.map((o) => [...gradeRow(o), share(o.satisfaction), text(w(o.grade)), text(o.action ? w(o.action) : '')]),
        ),
        table(
          tr('bulletin_t_commentary'),
          h('bulletin_h_org', 'bulletin_h_name', 'g_grade'),
          g.commentary_overdue.map((o) => [...gradeRow(o), text(w(o.grade))]),
        ),
        named(tr('bulletin_t_no_review', { period: quarter(g.period) }), ov.no_review),
      ])
    : null;

  // Attachment: stars.
  const starsAtt = s
    ? attach('stars', tr('bulletin_a_stars'), [
        // Red-star members by branch, as a bulletin names them: their scores are in the JSON.
        table(
          tr('bulletin_t_red'),
          h('bulletin_h_member_org', 'bulletin_h_count', 'bulletin_h_red_names'),
          [...groupBy(s.red_stars, (m) => m.org).values()].map((list) => [text(list[0].org_name), num(list.length), text(list.map((m) => m.name).join(sep))]),
          [2],
        ),
        named(tr('bulletin_t_benchmark'), s.benchmark),
        named(tr('bulletin_t_flag'), s.flag),
      ])
    : null;

  // The body: one section per subject, in sentences, each naming its attachment.
  // A section of the body is one paragraph of sentences.
  const facts = (...lines: string[]): Part[] => [para(lines.join(punct(lang, 'sentence')))];
  const body = (id: string, title: PlainId, parts: Part[]): DocSection => ({ id, title: tr(title), parts });
  const n = r.month.orgs.length;
  const missed = r.month.orgs.filter((o) => !o.met).sort((a, z) => (a.org < z.org ? -1 : 1));
  const top = r.month.orgs.filter((o) => o.points > 0).slice(0, 3);
  const orgsWith = p.coverage.orgs.total - p.coverage.orgs.without.length;
  const membersWith = p.coverage.members.total - p.coverage.members.without;
  const sections: DocSection[] = [
    { id: 'opening', title: '', parts: facts(tr('bulletin_opening', { month, area })) },
    body(
      'overview',
      'bulletin_s_overview',
      facts(
        tr('bulletin_ov_orgs', { area, n: ov.orgs.committees + ov.orgs.branches, c: ov.orgs.committees, b: ov.orgs.branches, m: ov.members }),
        tr('bulletin_ov_data', { month, ...ov.data }),
        ...(graded ? [tr('bulletin_ov_graded', { period: quarter(graded), reviews: ov.data.reviews, points: ov.data.points })] : []),
        tr('bulletin_ov_missing', {
          period: graded ? quarter(graded) : '',
          no_review: ov.no_review.length,
          no_reports: ov.no_reports.length,
          att: reportsAtt,
          att_g: gradingAtt ?? reportsAtt,
        }),
      ),
    ),
    body(
      'reports',
      'bulletin_s_reports',
      facts(
        tr('bulletin_rp_summary', {
          quota: r.month.orgs[0]?.quota ?? 0,
          n,
          met: r.month.summary.met,
          missed: r.month.summary.missed,
          rate: n ? pct(r.month.summary.met / n) : '—',
        }),
        ...(missed.length ? [tr('bulletin_rp_missed', { names: names(missed.map((o) => tr('bulletin_short_of', { name: o.name, n: o.shortfall }))) })] : []),
        tr('bulletin_rp_adopted', { n: r.adopted.length, points: r.adopted.reduce((sum, i) => sum + i.points, 0) }),
        ...(top.length ? [tr('bulletin_rp_top', { names: top.map((o) => tr('bulletin_points_of', { name: o.name, n: o.points })).join(sep) })] : []),
        tr('bulletin_rp_typicals', { met: r.typicals.filter((c) => c.met).length, n: r.typicals.length, need: r.typicals_need, att: reportsAtt }),
      ),
    ),
    body(
      'pledges',
      'bulletin_s_pledges',
      facts(
        tr('bulletin_pl_summary', { made: p.made.length, fulfilled: p.fulfilled.length, overdue: p.overdue.length }),
        tr('bulletin_pl_coverage', {
          orgs: orgsWith,
          orgs_total: p.coverage.orgs.total,
          orgs_rate: p.coverage.orgs.total ? pct(orgsWith / p.coverage.orgs.total) : '—',
          members: membersWith,
          members_total: p.coverage.members.total,
          members_rate: p.coverage.members.total ? pct(membersWith / p.coverage.members.total) : '—',
        }),
        tr('bulletin_pl_vague', { n: p.vague.length }),
        p.satisfaction === null
          ? tr('bulletin_pl_no_eval', { att: pledgesAtt })
          : tr('bulletin_pl_eval', { n: p.evaluated.length, sat: pct(p.satisfaction), att: pledgesAtt }),
      ),
    ),
    body(
      'grading',
      'bulletin_s_grading',
      g
        ? facts(
            tr('bulletin_gr_summary', { period: quarter(g.period), ...g.summary }),
            tr('bulletin_gr_movement', g.movement),
            ...g.shares.map((x) => tr(x.bound === 'max' ? 'g_share_max' : 'g_share_min', { grade: w(x.grade), share: pct(x.share), limit: pct(x.limit) })),
            g.remedial.length
              ? tr('bulletin_gr_remedial', { below: opts.belowPct, names: names(g.remedial.map((o) => o.name)), att: gradingAtt! })
              : tr('bulletin_gr_no_remedial', { below: opts.belowPct, att: gradingAtt! }),
          )
        : facts(tr('bulletin_gr_none')),
    ),
    body(
      'stars',
      'bulletin_s_stars',
      s
        ? facts(
            tr('bulletin_st_summary', {
              period: quarter(s.period),
              rated: s.rated,
              red: s.red_stars.length,
              benchmark: s.benchmark.length,
              flag: s.flag.length,
              att: starsAtt!,
            }),
            ...(s.flag.length ? [tr('bulletin_st_flag', { names: names(s.flag.map((x) => x.name)) })] : []),
            ...(s.benchmark.length ? [tr('bulletin_st_benchmark', { names: names(s.benchmark.map((x) => x.name)) })] : []),
          )
        : facts(tr('bulletin_gr_none')),
    ),
    body('closing', 'bulletin_s_closing', facts(tr('bulletin_closing'))),
  ];

  const title = opts.scope ? tr('bulletin_title_org', { month, org: opts.scope.name }) : tr('bulletin_title', { month });
  const [y, m, d] = opts.issued.split('-').map(Number);
  return {
    lang,
    title,
    footer: tr('bulletin_generated', { version: opts.version }),
    notice: {
      issuer: opts.office.name ?? tr('bulletin_issuer_default'),
      number: opts.number === null ? null : tr('bulletin_number', { prefix: opts.office.number_prefix ?? '', year: y, n: opts.number }),
      title,
      to: opts.scope ? tr('bulletin_to_org', { org: opts.scope.name }) : tr('bulletin_to'),
      date: tr('bulletin_date', { y, m, d }),
      attachments: attachmentNames,
      label: tr('bulletin_attachments'),
    },
    sections: [...sections, ...attachments],
  };
}
