// 概览: the quarter at a glance — what has come in from whom, the grade
// distribution, the red stars, the month's quota, the ledger's open and
// overdue problems, the latest imports — each figure from the analysis the
// command of its page runs, laid out as one document.
import type { Grading } from '../analyses/grade.js';
import type { Ledger } from '../analyses/ledger.js';
import type { MonthQuota } from '../analyses/quota.js';
import type { StarsResult } from '../analyses/stars.js';
import type { Status } from '../analyses/status.js';
import { GRADES } from '../core/model.js';
import type { ImportEntry } from '../store/history.js';
import { num, para, text, type Doc, type DocSection } from '../render/doc.js';
import type { View } from '../render/formats/index.js';
import { t, word, type Lang } from '../render/i18n/index.js';
import { GRADE_COLORS } from '../render/views/bulletin-attachments.js';
import { shownTime } from '../render/views/history.js';

export interface Overview {
  status: Status | null;
  grading: Grading | null;
  /** The red-star members only. */
  stars: StarsResult | null;
  quota: MonthQuota | null;
  ledger: Ledger;
  imports: ImportEntry[];
}

/** The latest imports the page lists. */
const IMPORTS = 5;

function overviewDoc(o: Overview, lang: Lang): Doc {
  const sections: DocSection[] = [];
  if (o.status) {
    const s = o.status.summary;
    sections.push({
      id: 'status',
      title: t(lang, 'web_ov_in', { period: o.status.period }),
      parts: [para(t(lang, 'web_ov_sent', { branches: s.branches, sent: s.complete, missing: s.missing }))],
    });
  }
  if (o.grading) {
    const g = o.grading;
    sections.push({
      id: 'grades',
      title: t(lang, 'web_ov_grades', { period: g.period }),
      parts: [
        {
          kind: 'chart',
          chart: {
            id: 'grades',
            caption: t(lang, 'web_ov_grades', { period: g.period }),
            label: t(lang, 'web_grade'),
            bars: [...GRADES, 'ungraded' as const].map((k) => ({
              label: word(lang, k),
              segments: [{ name: word(lang, k), value: g.summary[k], color: GRADE_COLORS[k] }],
            })),
            none: t(lang, 'web_no_data'),
          },
        },
      ],
    });
  }
  if (o.stars) {
    const red = o.stars.members.filter((m) => m.red_star);
    sections.push({
      id: 'stars',
      title: t(lang, 'web_ov_red', { period: o.stars.period, n: red.length }),
      parts: [
        {
          kind: 'table',
          table: {
            headers: [t(lang, 'web_tree_h_code'), t(lang, 'web_tree_h_name'), t(lang, 'web_orgs')],
            rows: red.map((m) => [text(m.member), text(m.name), text(m.org)]),
            none: t(lang, 'sh_none'),
          },
        },
      ],
    });
  }
  if (o.quota) {
    const q = o.quota;
    sections.push({
      id: 'quota',
      title: t(lang, 'web_quota'),
      parts: [para(t(lang, 'web_ov_quota', { month: q.month, met: q.summary.met, total: q.orgs.length }))],
    });
  }
  const l = o.ledger;
  const open = l.problems.filter((p) => !p.closedAt).length;
  sections.push({
    id: 'ledger',
    title: t(lang, 'web_ledger'),
    parts: [para(t(lang, 'web_ov_ledger', { date: l.date, open, overdue: l.summary.overdue, supervised: l.summary.supervised }))],
  });
  sections.push({
    id: 'imports',
    title: t(lang, 'web_ov_imports'),
    parts: [
      {
        kind: 'table',
        table: {
          headers: [t(lang, 'log_number'), t(lang, 'log_at'), t(lang, 'log_files')],
          rows: o.imports.slice(0, IMPORTS).map((e) => [num(e.number), text(shownTime(e.at)), num(e.files.length)]),
          none: t(lang, 'sh_none'),
        },
      },
    ],
  });
  return { lang, title: t(lang, 'web_overview'), sections };
}

function overviewJson(o: Overview) {
  return {
    period: o.status?.period ?? o.grading?.period ?? null,
    status: o.status?.summary ?? null,
    grades: o.grading ? { period: o.grading.period, summary: o.grading.summary } : null,
    red_stars: o.stars ? o.stars.members.filter((m) => m.red_star).map((m) => ({ id: m.member, name: m.name, org: m.org })) : null,
    quota: o.quota ? { month: o.quota.month, met: o.quota.summary.met, missed: o.quota.summary.missed } : null,
    ledger: { date: o.ledger.date, ...o.ledger.summary, open: o.ledger.problems.filter((p) => !p.closedAt).length },
    imports: o.imports.slice(0, IMPORTS),
  };
}

export const overviewView = (o: Overview, lang: Lang): View => ({ data: () => overviewJson(o), doc: () => overviewDoc(o, lang) });
