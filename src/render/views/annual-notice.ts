// annual --out X.docx (html, md): 关于拟表彰…的公示 — the three lists with each
// candidate's org and a one-line record, the 公示 period of publicity_days
// working days from the date, where to send objections, and the issuer and
// number as the monthly notice has them (the same office settings).
import type { Annual, MemberYear, OrgYear } from '../../analyses/annual.js';
import type { Rules } from '../../core/rules.js';
import { longDate, t, type Lang } from '../i18n/index.js';
import { para, text, type Doc, type DocSection } from '../doc.js';
import { officeNotice } from './bulletin.js';

export interface PublicityOptions {
  lang: Lang;
  /** The first day of the 公示. */
  date: string;
  number: number | null;
  office: Rules['office'];
  days: number;
}

/** The last of `n` working days (Monday to Friday) from `from`, itself counted when it is one. */
export function workingDaysEnd(from: string, n: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  let left = n;
  for (;;) {
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6 && --left === 0) return d.toISOString().slice(0, 10);
    d.setUTCDate(d.getUTCDate() + 1);
  }
}

const words = (lang: Lang, n: number) => t(lang, 'yr_p_quarters', { n });

function orgRecord(o: OrgYear, lang: Lang): string {
  return t(lang, 'yr_p_org_record', { graded: words(lang, o.graded_quarters), benchmark: o.benchmark_quarters, months: o.months_met });
}

/**
 * One line of a member's record. A worker's branch is named an advanced org
 * only when the same notice lists it (`listed`): one that qualified past the
 * quota is said to meet the criteria, which is all the notice shows of it.
 */
function memberRecord(m: MemberYear, lang: Lang, worker: boolean, listed: ReadonlySet<string>): string {
  if (!worker) return t(lang, 'yr_p_member_record', { red: m.red_star_quarters, stars: m.stars_total });
  const p = { n: Object.keys(m.stars_by_quarter).length, stars: m.stars_total };
  return t(lang, listed.has(m.org) ? 'yr_p_worker_record' : 'yr_p_worker_record_met', p);
}

/** Attachment `n`, one list of candidates: number, name, org, record. */
function list(n: number, name: string, rows: string[][], lang: Lang, id: string): DocSection {
  const headers = [t(lang, 'yr_p_h_no'), t(lang, 'yr_p_h_who'), t(lang, 'yr_p_h_org'), t(lang, 'yr_p_h_record')];
  return {
    id,
    title: t(lang, 'bulletin_att_title', { n, name }),
    attachment: n,
    parts: [
      {
        kind: 'table',
        table: { headers, rows: rows.map((r) => r.map((c) => text(c))), align: headers.map(() => 'left'), shrink: [3], none: t(lang, 'yr_none') },
      },
    ],
  };
}

/** `names`: each org's name; `parents`: each org's parent's code. */
export function publicityDoc(a: Annual, names: Map<string, string>, parents: Map<string, string | null>, o: PublicityOptions): Doc {
  const { lang } = o;
  const orgOf = new Map(a.orgs.map((x) => [x.org, x]));
  const memberOf = new Map(a.members.map((x) => [x.member, x]));
  // An org is in its parent's unit (its township); a member in its branch: each by name.
  const orgs = a.candidates.advanced_org.map((c, i) => [
    String(i + 1),
    orgOf.get(c)!.name,
    names.get(parents.get(c) ?? '') ?? '',
    orgRecord(orgOf.get(c)!, lang),
  ]);
  const listed = new Set(a.candidates.advanced_org);
  const members = (ids: string[], worker: boolean) =>
    ids.map((c, i) => {
      const m = memberOf.get(c)!;
      return [String(i + 1), m.name, names.get(m.org) ?? m.org, memberRecord(m, lang, worker, listed)];
    });
  const end = workingDaysEnd(o.date, o.days);
  const day = (iso: string) => longDate(lang, iso);
  const issuer = o.office.name ?? t(lang, 'bulletin_issuer_default');
  const title = t(lang, 'yr_p_title', { year: a.year });
  const listNames = [t(lang, 'yr_p_list_org'), t(lang, 'yr_p_list_member'), t(lang, 'yr_p_list_worker')];
  const lists = [
    list(1, listNames[0], orgs, lang, 'advanced_org'),
    list(2, listNames[1], members(a.candidates.excellent_member, false), lang, 'excellent_member'),
    list(3, listNames[2], members(a.candidates.excellent_worker, true), lang, 'excellent_worker'),
  ];
  const body: DocSection[] = [
    {
      id: 'opening',
      title: '',
      parts: [
        para(t(lang, 'yr_p_opening', { year: a.year, adv: orgs.length, mem: a.candidates.excellent_member.length, wrk: a.candidates.excellent_worker.length })),
      ],
    },
    { id: 'period', title: '', parts: [para(t(lang, 'yr_p_period', { from: day(o.date), to: day(end), days: o.days }))] },
    { id: 'objections', title: '', parts: [para(t(lang, 'yr_p_objections', { office: issuer }))] },
  ];
  return {
    lang,
    title,
    notice: officeNotice(lang, o.office, { title, issued: o.date, number: o.number, attachments: listNames }),
    sections: [...body, ...lists],
  };
}
