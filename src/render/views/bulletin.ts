// The bulletin as the office issues it: a notice (通报) whose body states the
// month's figures in sentences, section by section, and whose tables follow as
// numbered attachments (附件). Printed forms carry no file paths: the sources
// stay in the JSON and in grade --explain. Each section of the body is a
// function of the bulletin and the numbers of the attachments it names.
import type { Bulletin } from '../../analyses/bulletin/bulletin.js';
import { pct } from '../../core/numbers.js';
import { gradingParts, ledgerParts, pledgesParts, reportsParts, starsParts } from './bulletin-attachments.js';
import { type NoticeOptions, type Writer, writer } from './bulletin-writer.js';
import { type Doc, type DocSection, type Notice, type Part, para } from '../doc.js';
import { punct } from '../i18n/punctuation.js';
import { longDate, t, type Lang } from '../i18n/index.js';
import type { Rules } from '../../core/rules.js';

export { GRADE_COLORS } from './bulletin-attachments.js';
export { MAX_TEXT_ROWS, type NoticeOptions } from './bulletin-writer.js';

/** The attachments' numbers, as the body names them: none for a section without tables. */
interface Numbers {
  reports: number;
  pledges: number;
  grading: number | null;
  stars: number | null;
  ledger: number | null;
}

/** The attachments in order, numbered from 1 as they come; a section without tables has none. */
function attachments(b: Bulletin, x: Writer, belowPct: string): { sections: DocSection[]; names: string[]; numbers: Numbers } {
  const sections: DocSection[] = [];
  const names: string[] = [];
  const attach = (id: string, name: string, parts: Part[] | null): number | null => {
    if (parts === null) return null;
    const n = sections.length + 1;
    names.push(name);
    sections.push({ id: `attachment-${id}`, title: x.tr('bulletin_att_title', { n, name }), attachment: n, parts });
    return n;
  };
  const numbers: Numbers = {
    reports: attach('reports', x.tr('bulletin_a_reports'), reportsParts(b, x))!,
    pledges: attach('pledges', x.tr('bulletin_a_pledges'), pledgesParts(b, x))!,
    grading: attach('grading', x.tr('bulletin_a_grading'), gradingParts(b, x, belowPct)),
    stars: attach('stars', x.tr('bulletin_a_stars'), starsParts(b, x)),
    ledger: attach('ledger', x.tr('bulletin_a_ledger'), ledgerParts(b, x)),
  };
  return { sections, names, numbers };
}

function overview(b: Bulletin, x: Writer, att: Numbers): DocSection {
  const { tr, facts, area, month, quarter } = x;
  const ov = b.overview;
  const graded = b.graded_period;
  return x.body(
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
        att: att.reports,
        att_g: att.grading ?? att.reports,
      }),
    ),
  );
}

function reports(b: Bulletin, x: Writer, att: Numbers): DocSection {
  const { tr, facts, names } = x;
  const r = b.reports;
  const { missed, top } = r.figures;
  return x.body(
    'reports',
    'bulletin_s_reports',
    facts(
      tr('bulletin_rp_summary', {
        quota: r.month.orgs[0]?.quota ?? 0,
        n: r.month.orgs.length,
        met: r.month.summary.met,
        missed: r.month.summary.missed,
        rate: r.figures.met_rate === null ? '—' : pct(r.figures.met_rate),
      }),
      ...(missed.length
        ? [
            tr('bulletin_rp_missed', {
              names: names(
                missed.map((o) => tr('bulletin_short_of', { name: o.name, n: o.shortfall })),
                'org',
              ),
            }),
          ]
        : []),
      tr('bulletin_rp_adopted', { n: r.adopted.length, points: r.figures.adopted_points }),
      ...(top.length
        ? [
            tr('bulletin_rp_top', {
              names: names(
                top.map((o) => tr('bulletin_points_of', { name: o.name, n: o.points })),
                'org',
              ),
            }),
          ]
        : []),
      tr('bulletin_rp_typicals', { met: r.figures.typicals_met, n: r.typicals.length, need: r.typicals_need, att: att.reports }),
    ),
  );
}

function pledges(b: Bulletin, x: Writer, att: Numbers): DocSection {
  const { tr, facts } = x;
  const p = b.pledges;
  const { orgs, members } = p.coverage;
  const rate = (x: number | null) => (x === null ? '—' : pct(x));
  return x.body(
    'pledges',
    'bulletin_s_pledges',
    facts(
      tr('bulletin_pl_summary', { made: p.counts.made, fulfilled: p.counts.fulfilled, overdue: p.counts.overdue }),
      tr('bulletin_pl_coverage', {
        orgs: orgs.with,
        orgs_total: orgs.total,
        orgs_rate: rate(orgs.rate),
        members: members.with,
        members_total: members.total,
        members_rate: rate(members.rate),
      }),
      tr('bulletin_pl_vague', { n: p.counts.vague }),
      p.satisfaction === null
        ? tr('bulletin_pl_no_eval', { att: att.pledges })
        : tr('bulletin_pl_eval', { n: p.counts.evaluated, sat: pct(p.satisfaction), att: att.pledges }),
    ),
  );
}

function grading(b: Bulletin, x: Writer, att: Numbers, belowPct: string): DocSection {
  const { tr, w, facts, names, quarter } = x;
  const g = b.grading;
  if (!g) return x.body('grading', 'bulletin_s_grading', facts(tr('bulletin_gr_none')));
  return x.body(
    'grading',
    'bulletin_s_grading',
    facts(
      tr('bulletin_gr_summary', { period: quarter(g.period), ...g.summary }),
      tr('bulletin_gr_movement', g.movement),
      ...g.shares.map((s) => tr(s.bound === 'max' ? 'g_share_max' : 'g_share_min', { grade: w(s.grade), share: pct(s.share), limit: pct(s.limit) })),
      g.remedial.length
        ? tr('bulletin_gr_remedial', {
            below: belowPct,
            names: names(
              g.remedial.map((o) => o.name),
              'org',
            ),
            att: att.grading!,
          })
        : tr('bulletin_gr_no_remedial', { below: belowPct, att: att.grading! }),
    ),
  );
}

function stars(b: Bulletin, x: Writer, att: Numbers): DocSection {
  const { tr, facts, names, quarter } = x;
  const s = b.stars;
  if (!s) return x.body('stars', 'bulletin_s_stars', facts(tr('bulletin_gr_none')));
  return x.body(
    'stars',
    'bulletin_s_stars',
    facts(
      tr('bulletin_st_summary', {
        period: quarter(s.period),
        rated: s.rated,
        red: s.counts.red,
        benchmark: s.benchmark.length,
        flag: s.flag.length,
        att: att.stars!,
      }),
      ...(s.flag.length
        ? [
            tr('bulletin_st_flag', {
              names: names(
                s.flag.map((f) => f.name),
                'committee',
              ),
            }),
          ]
        : []),
      ...(s.benchmark.length
        ? [
            tr('bulletin_st_benchmark', {
              names: names(
                s.benchmark.map((f) => f.name),
                'branch',
              ),
            }),
          ]
        : []),
    ),
  );
}

/** 整改落实, when the database keeps a ledger: the problems at the month's end, those supervised, the attachment listing them. */
function ledger(b: Bulletin, x: Writer, att: Numbers): DocSection[] {
  const l = b.ledger;
  if (!l) return [];
  const s = l.ledger.summary;
  return [
    x.body(
      'ledger',
      'bulletin_s_ledger',
      x.facts(
        x.tr('bulletin_lg_summary', {
          found: s.found,
          closed: s.closed,
          rate: s.rate === null ? '—' : pct(s.rate),
          overdue: s.overdue,
          supervised: s.supervised,
          newly: l.newly_supervised,
          att: att.ledger!,
        }),
      ),
    ),
  ];
}

/** 工作要求: the office's own text (`requirements`, a paragraph a line), else the default. */
function closing(x: Writer, requirements: string | undefined): DocSection {
  const own = requirements
    ?.split(/\n\s*/)
    .map((l) => l.trim())
    .filter(Boolean);
  return x.body('closing', 'bulletin_s_closing', own?.length ? own.map((l) => para(l)) : x.facts(x.tr('bulletin_closing')));
}

/** What stands before and after the body: the office's settings, or generic words where it has none. */
function notice(x: Writer, opts: NoticeOptions, title: string, names: string[]): Notice {
  const to = opts.scope ? x.tr('bulletin_to_org', { org: opts.scope.name }) : undefined;
  return officeNotice(x.lang, opts.office, { title, issued: opts.issued, number: opts.number, attachments: names, to });
}

/**
 * A notice's head and foot from the office's settings (SPEC §3): issuer, number, 主送, the
 * 附件 list, the date and the 版记; the monthly notice and the annual 公示 both stand in it.
 * `to`: 主送 when not the office's own.
 */
export function officeNotice(
  lang: Lang,
  o: Rules['office'],
  n: { title: string; issued: string; number: number | null; attachments: string[]; to?: string },
): Notice {
  const [y, m, d] = n.issued.split('-').map(Number);
  const issuer = o.name ?? t(lang, 'bulletin_issuer_default');
  const addressee = o.addressee?.replace(/[：:]\s*$/, '');
  return {
    issuer,
    number: n.number === null ? null : t(lang, 'bulletin_number', { prefix: o.number_prefix ?? '', year: y, n: n.number }),
    title: n.title,
    to: n.to ?? (addressee ? t(lang, 'bulletin_to_addressee', { to: addressee }) : t(lang, 'bulletin_to')),
    date: longDate(lang, n.issued),
    attachments: n.attachments,
    label: t(lang, 'bulletin_attachments'),
    imprint:
      o.cc?.length || o.printer
        ? {
            ccLabel: t(lang, 'bulletin_cc'),
            cc: o.cc?.length ? t(lang, 'bulletin_cc_list', { list: o.cc.join(punct(lang, 'comma')) }) : null,
            printer: o.printer ?? issuer,
            printed: t(lang, 'bulletin_printed', { y, m, d }),
          }
        : null,
  };
}

export function bulletinDoc(b: Bulletin, lang: Lang, opts: NoticeOptions): Doc {
  const x = writer(b, lang, opts);
  const { tr, month } = x;
  const att = attachments(b, x, opts.belowPct);
  const sections: DocSection[] = [
    { id: 'opening', title: '', parts: x.facts(tr('bulletin_opening', { month, area: x.area })) },
    overview(b, x, att.numbers),
    reports(b, x, att.numbers),
    pledges(b, x, att.numbers),
    grading(b, x, att.numbers, opts.belowPct),
    stars(b, x, att.numbers),
    ...ledger(b, x, att.numbers),
    closing(x, opts.office.requirements),
  ];
  // The body's sections numbered as they stand: 一、… (a ledger adds one before 工作要求).
  let n = 0;
  for (const s of sections) if (s.title) s.title = tr('bulletin_s_number', { n: ++n, title: s.title });
  const title = opts.scope ? tr('bulletin_title_org', { month, org: opts.scope.name }) : tr('bulletin_title', { month });
  return {
    lang,
    title,
    footer: tr('bulletin_generated', { version: opts.version }),
    notice: notice(x, opts, title, att.names),
    sections: [...sections, ...att.sections],
  };
}
