// `cxzy status` as a document: the table of what each branch sent (the
// terminal, CSV, Markdown, XLSX), its JSON, and the 催报通知 — the notice that
// lists the branches still missing something, laid out as the office's other
// notices are.
import type { View } from '../formats/index.js';
import type { Status, BranchStatus, Missing } from '../../analyses/status.js';
import type { Rules } from '../../core/rules.js';
import { longDate, t, type Lang } from '../i18n/index.js';
import { num, para, text, type CellValue, type Doc, type DocSection } from '../doc.js';
import { officeNotice } from './bulletin.js';
import { punct } from '../i18n/punctuation.js';
import { workingDaysEnd } from './annual-notice.js';

const monthOf = (m: string) => Number(m.slice(5, 7));
const day = (at: string) => at.slice(0, 10);

/** The branches missing something. */
const lacking = (s: Status) => s.branches.filter((b) => b.missing.length > 0);

/** What a branch lacks, in words: 测评、积分（2人）、8月信息（差2条）. */
function missingText(b: BranchStatus, lang: Lang): string {
  return b.missing
    .map((m: Missing) => {
      if (m === 'review') return t(lang, 'ss_miss_review');
      if (m === 'points') return t(lang, 'ss_miss_points', { n: b.points.members - b.points.rated });
      const month = m.slice('reports:'.length);
      const r = b.reports[month];
      return t(lang, 'ss_miss_month', { m: monthOf(month), short: r.quota - r.count });
    })
    .join(punct(lang, 'list'));
}

function row(b: BranchStatus, months: string[], lang: Lang): CellValue[] {
  const review = b.review ? text(t(lang, 'ss_review_in', { file: b.review.file, at: day(b.review.at) })) : text(t(lang, 'ss_none_sent'), 'bad');
  const pts = text(`${b.points.rated}/${b.points.members}`, b.points.rated < b.points.members ? 'bad' : undefined);
  const reports = months.map((m) => text(`${b.reports[m].count}/${b.reports[m].quota}`, b.reports[m].met ? undefined : 'bad'));
  return [text(b.org), text(b.name), text(missingText(b, lang), 'bad'), pts, ...reports, num(b.typicals), num(b.problems.overdue), review];
}

/** The table: every branch (or with `missingOnly` those missing something), then the counts. */
function statusDoc(s: Status, lang: Lang, missingOnly: boolean): Doc {
  const list = missingOnly ? lacking(s) : s.branches;
  // What is missing first, then what came in: the review's file and when last, the widest.
  const headers = [
    t(lang, 'ss_h_org'),
    t(lang, 'ss_h_name'),
    t(lang, 'ss_h_missing'),
    t(lang, 'ss_h_points'),
    ...s.months.map((m) => t(lang, 'ss_h_month', { m: monthOf(m) })),
    t(lang, 'ss_h_typicals'),
    t(lang, 'ss_h_problems'),
    t(lang, 'ss_h_review'),
  ];
  const right = new Set([3, ...s.months.map((_, i) => 4 + i), 4 + s.months.length, 5 + s.months.length]);
  const summary = s.summary.branches === 0 ? t(lang, 'ss_no_branches') : t(lang, 'ss_summary', s.summary);
  return {
    lang,
    sections: [
      {
        id: 'status',
        title: t(lang, 'ss_title', { period: s.period }),
        parts: [
          {
            kind: 'table',
            table: {
              headers,
              rows: list.map((b) => row(b, s.months, lang)),
              align: headers.map((_, i) => (right.has(i) ? 'right' : 'left')),
              shrink: [1, headers.length - 1],
              wrap: [2],
              none: t(lang, 'ss_all_sent'),
            },
          },
          para(summary),
        ],
      },
    ],
  };
}

/** The JSON of SPEC §3: each branch with what it sent, where from and when. */
function statusJson(s: Status, missingOnly: boolean) {
  return {
    period: s.period,
    months: s.months,
    branches: (missingOnly ? lacking(s) : s.branches).map((b) => ({
      org: b.org,
      name: b.name,
      review: b.review,
      points: b.points,
      reports: b.reports,
      typicals: b.typicals,
      problems: b.problems,
      missing: b.missing,
    })),
    summary: s.summary,
  };
}

interface ReminderOptions {
  lang: Lang;
  /** The notice's date; the branches have until `due`. */
  date: string;
  due: string;
  number: number | null;
  office: Rules['office'];
  /** The quarter in words: 2011年第三季度. */
  period: string;
}

/** The working days a 催报通知 gives the branches to send what they lack. */
const REMINDER_DAYS = 5;

/** The 催报通知 of a quarter's status, dated `date`, as `status --out X.docx` and the web view write it. */
export function reminderNotice(s: Status, o: { lang: Lang; date: string; number: number | null; office: Rules['office'] }): Doc {
  const period = t(o.lang, 'bulletin_period_words', { y: s.period.slice(0, 4), q: s.period.slice(5) });
  return reminderDoc(s, { ...o, due: workingDaysEnd(o.date, REMINDER_DAYS), period });
}

/** 催报通知: how many branches have sent all, the list of those that have not and what they lack, and by when. */
function reminderDoc(s: Status, o: ReminderOptions): Doc {
  const { lang } = o;
  const missing = lacking(s);
  const title = t(lang, 'ss_n_title', { period: o.period });
  const at = { date: longDate(lang, o.date), period: o.period, branches: s.summary.branches };
  const opening =
    missing.length === 0
      ? t(lang, 'ss_n_all', at)
      : s.summary.complete === 0
        ? t(lang, 'ss_n_none', at)
        : t(lang, 'ss_n_opening', { ...at, complete: s.summary.complete, missing: missing.length });
  const body: DocSection = {
    id: 'opening',
    title: '',
    parts: [para(opening), ...(missing.length ? [para(t(lang, 'ss_n_ask', { due: longDate(lang, o.due) }))] : [])],
  };
  const headers = [t(lang, 'ss_n_h_no'), t(lang, 'ss_h_name'), t(lang, 'ss_h_org'), t(lang, 'ss_h_missing')];
  const list: DocSection = {
    id: 'missing',
    title: t(lang, 'bulletin_att_title', { n: 1, name: t(lang, 'ss_n_list') }),
    attachment: 1,
    parts: [
      {
        kind: 'table',
        table: {
          headers,
          rows: missing.map((b, i) => [num(i + 1), text(b.name), text(b.org), text(missingText(b, lang))]),
          align: ['right', 'left', 'left', 'left'],
          wrap: [1, 3],
          none: t(lang, 'ss_all_sent'),
        },
      },
    ],
  };
  return {
    lang,
    title,
    notice: officeNotice(lang, o.office, { title, issued: o.date, number: o.number, attachments: missing.length ? [t(lang, 'ss_n_list')] : [] }),
    sections: missing.length ? [body, list] : [body],
  };
}

/** What status shows: who has sent what (only what is missing, with `missingOnly`). */
export const statusView = (s: Status, lang: Lang, missingOnly: boolean): View => ({
  data: () => statusJson(s, missingOnly),
  doc: () => statusDoc(s, lang, missingOnly),
});
