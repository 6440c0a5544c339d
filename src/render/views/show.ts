// `cxzy show` as a document — what is stored about one org or member, each
// record with its source — and as JSON; and the candidates when a name
// matches several.
import type { View } from '../formats/index.js';
import { LEADS, sourceText, type Org, type Source } from '../../core/model.js';
import type { MemberProfile, OrgProfile, OwnedTable, Profile } from '../../analyses/profile.js';
import type { Found } from '../../store/lookup.js';
import { t, word, type Lang } from '../i18n/index.js';
import { date, GAP, num, para, share, text, type CellValue, type Doc, type DocSection, type Part, type Tone } from '../doc.js';
import { shownTime } from './history.js';
import { punct } from '../i18n/punctuation.js';
import { problemJson, problemsTable } from './ledger.js';
import { memberYearParts, orgYearParts } from './annual.js';
import { get } from './export.js';
import { labelOf } from '../formats/workbook.js';
import { sheetFields } from '../../read/workbook/fields.js';

const src = sourceText;
const gradeTone = (g: string): Tone => (g === 'good' || g === 'fair' || g === 'average' || g === 'poor' ? g : 'ungraded');
/** Children named before the rest are counted. */
const CHILDREN = 20;

function chain(orgs: Org[], lang: Lang): string {
  return orgs.map((o) => `${o.code} ${o.name}`).join(punct(lang, 'path'));
}

function table(headers: string[], rows: CellValue[][], lang: Lang, shrink: number[] = []): Part {
  return { kind: 'table', table: { headers, rows, align: headers.map(() => 'left'), shrink, none: t(lang, 'sh_none') } };
}

/** The pledges in a table, then each one's content whole: a table would cut what the pledge promises to fit the screen. */
function pledgesSection(p: Profile, lang: Lang): DocSection {
  const headers = [t(lang, 'sh_id'), t(lang, 'sh_kind'), t(lang, 'sh_due'), t(lang, 'sh_status'), t(lang, 'sh_src')];
  const rows = p.pledges.map((x) => [text(x.id), text(word(lang, x.kind)), date(x.due), text(word(lang, x.status)), text(src(x.src))]);
  const contents = p.pledges.map((x) => para(t(lang, 'sh_pledge_content', { id: x.id, content: x.content })));
  return { id: 'pledges', title: t(lang, 'sh_pledges'), parts: [table(headers, rows, lang, [4]), ...(contents.length ? [GAP, ...contents] : [])] };
}

/** A section without a view of its own: its records as its sheet's columns (Chinese: the sheet's headers and labels), each with its source. */
export function ownedSection({ def, records }: OwnedTable, lang: Lang): DocSection {
  const sheet = def.sheet;
  const fields = sheetFields(sheet);
  const cell = (field: string, v: unknown): CellValue => {
    const kind = fields.get(field)?.kind;
    if (v === null || v === undefined) return text('');
    if (kind === 'date') return date(v as string);
    if (typeof v === 'number') return num(v);
    if (kind === 'bool') return text(lang === 'zh' ? String(labelOf(sheet, field, v)) : v ? 'yes' : 'no');
    return text(String(kind === 'enum' && lang === 'zh' ? labelOf(sheet, field, v) : v));
  };
  const headers = [...sheet.columns.map((c) => (lang === 'zh' ? c.label : c.field)), t(lang, 'sh_src')];
  const rows = records.map((x) => {
    const rec = x as Record<string, unknown> & { src: Source };
    return [...sheet.columns.map((c) => cell(c.field, get(rec, c.field))), text(src(rec.src))];
  });
  return { id: def.section, title: word(lang, def.section), parts: [table(headers, rows, lang, [headers.length - 1])] };
}

function header(p: Profile, lang: Lang): Part[] {
  const last = p.lastImport ? [para(t(lang, 'sh_last_import', { n: p.lastImport.number, at: shownTime(p.lastImport.at) }))] : [];
  const record = p.kind === 'org' ? p.org : p.member;
  return [para(t(lang, 'sh_source', { src: src(record.src) })), ...last];
}

function orgDoc(p: OrgProfile, lang: Lang): Doc {
  const o = p.org;
  const state = t(lang, o.active ? 'sh_active' : 'sh_inactive');
  const kids =
    p.children
      .slice(0, CHILDREN)
      .map((c) => `${c.code} ${c.name}`)
      .join(punct(lang, 'list')) + (p.children.length > CHILDREN ? ' …' : '');
  const about: Part[] = [
    para(t(lang, 'sh_org_line', { type: word(lang, `type_${o.type}`), category: word(lang, `cat_${o.category}`), secretary: o.secretary ?? '—', state })),
    para(p.parents.length ? t(lang, 'sh_parents', { chain: chain(p.parents, lang) }) : t(lang, 'sh_top')),
    para(p.children.length ? t(lang, 'sh_children', { n: p.children.length, list: kids }) : t(lang, 'sh_no_children')),
    para(t(lang, 'sh_members', p.members)),
    ...header(p, lang),
  ];
  const qHeaders = [
    t(lang, 'sh_period'),
    t(lang, 'sh_self'),
    t(lang, 'sh_masses'),
    t(lang, 'sh_superior'),
    t(lang, 'g_composite'),
    t(lang, 'g_grade'),
    t(lang, 'g_move_short'),
    t(lang, 'sh_verdict'),
    t(lang, 'sh_src'),
  ];
  const qRows = p.quarters.map((q): CellValue[] => {
    const v = q.review;
    const g = q.grade;
    const verdict = q.verdict
      ? text(t(lang, q.verdict.qualified ? 'qualified' : 'not_qualified'), q.verdict.qualified ? 'ok' : undefined)
      : text(g ? '' : t(lang, 'sh_pending'), 'muted');
    if (!v)
      return [
        text(q.period),
        text(t(lang, 'sh_no_review'), 'muted'),
        null,
        null,
        null,
        g ? text(word(lang, g.grade), gradeTone(g.grade)) : null,
        null,
        verdict,
        null,
      ];
    return [
      text(q.period),
      num(v.self, 1),
      share(q.satisfaction),
      num(v.superior, 1),
      g?.composite == null ? null : num(g.composite, 1),
      g ? text(word(lang, g.grade), gradeTone(g.grade)) : text(t(lang, 'sh_pending'), 'muted'),
      text(g?.movement ? word(lang, g.movement) : ''),
      verdict,
      text(src(v.src)),
    ];
  });
  const mHeaders = [t(lang, 'sh_month'), t(lang, 'q_count'), t(lang, 'q_quota'), t(lang, 'q_met'), t(lang, 'sh_src')];
  const mRows = p.months.map((m) => {
    const first = src(m.reports[0].src);
    const where = m.reports.length > 1 ? t(lang, 'sh_reports_more', { first, n: m.reports.length }) : first;
    return [text(m.month), num(m.count), num(m.quota), text(t(lang, m.met ? 'yes' : 'no'), m.met ? 'ok' : 'bad'), text(where)];
  });
  const typicals = p.quarters.flatMap((q) => q.typicals);
  const tHeaders = [t(lang, 'sh_period'), t(lang, 'sh_date'), t(lang, 'sh_title'), t(lang, 'sh_src')];
  const tRows = typicals.map((x) => [text(x.period), date(x.date), text(x.title), text(src(x.src))]);
  return {
    lang,
    sections: [
      { id: 'org', title: `${o.code} ${o.name}`, parts: about },
      { id: 'quarters', title: t(lang, 'sh_quarters'), parts: [table(qHeaders, qRows, lang)] },
      { id: 'months', title: t(lang, 'sh_months'), parts: [table(mHeaders, mRows, lang)] },
      { id: 'typicals', title: t(lang, 'sh_typicals'), parts: [table(tHeaders, tRows, lang, [2])] },
      ...(p.year
        ? [{ id: 'year', title: t(lang, 'yr_sh_title', { year: Object.keys(p.year.quarters)[0].slice(0, 4) }), parts: orgYearParts(p.year, lang) }]
        : []),
      pledgesSection(p, lang),
      { id: 'problems', title: t(lang, 'sh_problems', { date: p.ledgerDate }), parts: [problemsTable(p.problems, lang, false)] },
      ...p.tables.map((x) => ownedSection(x, lang)),
    ],
  };
}

function memberDoc(p: MemberProfile, lang: Lang): Doc {
  const m = p.member;
  const about: Part[] = [
    para(t(lang, 'sh_member_line', { role: word(lang, `role_${m.role}`), state: t(lang, m.active ? 'sh_active' : 'sh_inactive') })),
    para(t(lang, 'sh_org_of', { chain: p.parents.length ? chain(p.parents, lang) : m.org })),
    ...header(p, lang),
  ];
  const headers = [
    t(lang, 'sh_period'),
    ...LEADS.map((l) => word(lang, `head_${l}`)),
    t(lang, 'sh_deducted'),
    t(lang, 'st_stars'),
    t(lang, 'st_red'),
    t(lang, 'sh_src'),
  ];
  const rows = p.quarters.map((q): CellValue[] => {
    const deducted = q.points.deductions.reduce((a, d) => a + d.points, 0);
    const s = q.stars;
    return [
      text(q.period),
      ...LEADS.map((l) => num(q.points[l])),
      num(deducted),
      s ? { t: 'stars', v: s.stars } : text(t(lang, 'sh_not_rated'), 'muted'),
      s ? text(t(lang, s.red_star ? 'yes' : 'no'), s.red_star ? 'ok' : undefined) : null,
      text(src(q.points.src)),
    ];
  });
  const stateHeaders = [t(lang, 'sh_state_from'), t(lang, 'sh_state_org'), t(lang, 'sh_role'), t(lang, 'sh_state'), t(lang, 'sh_src')];
  const states = p.states.map((x): CellValue[] => [
    text(x.period || t(lang, 'sh_from_start')),
    text(x.org),
    text(word(lang, `role_${x.role}`)),
    text(t(lang, x.active ? 'sh_active' : 'sh_inactive')),
    text(src(x.src)),
  ]);
  return {
    lang,
    sections: [
      { id: 'member', title: `${m.id} ${m.name}`, parts: about },
      { id: 'states', title: t(lang, 'sh_states'), parts: [table(stateHeaders, states, lang, [4])] },
      { id: 'points', title: t(lang, 'sh_points'), parts: [table(headers, rows, lang)] },
      ...(p.year ? [{ id: 'year', title: t(lang, 'yr_sh_title', { year: p.quarters.at(-1)!.period.slice(0, 4) }), parts: memberYearParts(p.year, lang) }] : []),
      pledgesSection(p, lang),
      ...p.tables.map((x) => ownedSection(x, lang)),
    ],
  };
}

function profileDoc(p: Profile, lang: Lang): Doc {
  return p.kind === 'org' ? orgDoc(p, lang) : memberDoc(p, lang);
}

/** Everything the document shows, as data, records with their sources. */
function profileJson(p: Profile) {
  const parents = p.parents.map((o) => ({ code: o.code, name: o.name }));
  if (p.kind === 'member') {
    return {
      kind: 'member',
      member: p.member,
      states: p.states,
      org: p.org ? { code: p.org.code, name: p.org.name } : null,
      parents,
      quarters: p.quarters.map((q) => ({
        period: q.period,
        points: q.points,
        stars: q.stars?.stars ?? null,
        red_star: q.stars?.red_star ?? null,
        scores: q.stars?.scores ?? null,
      })),
      pledges: p.pledges,
      year: p.year && { ...p.year, src: undefined, points_src: undefined },
      ...ownedJson(p),
      last_import: p.lastImport,
    };
  }
  return {
    kind: 'org',
    org: p.org,
    parents,
    children: p.children.map((o) => ({ code: o.code, name: o.name })),
    members: p.members,
    quarters: p.quarters.map((q) => ({
      period: q.period,
      review: q.review,
      satisfaction: q.satisfaction,
      grade: q.grade
        ? {
            composite: q.grade.composite,
            computed: q.grade.computed,
            grade: q.grade.grade,
            override: q.grade.override,
            movement: q.grade.movement,
            previous: q.grade.previous,
          }
        : null,
      verdict: q.verdict ? { kind: p.org.type === 'branch' ? 'benchmark' : 'flag', qualified: q.verdict.qualified } : null,
      typicals: q.typicals,
    })),
    months: p.months.map((m) => ({ month: m.month, count: m.count, quota: m.quota, met: m.met, reports: m.reports })),
    pledges: p.pledges,
    year: p.year && { ...p.year, criteria: p.year.criteria.map((c) => ({ code: c.msg.id, pass: c.pass })) },
    ledger_date: p.ledgerDate,
    problems: p.problems.map(problemJson),
    ...ownedJson(p),
    last_import: p.lastImport,
  };
}

/** The sections laid out as tables, under `records` by section, when any is declared so. */
function ownedJson(p: Profile): { records?: Record<string, unknown[]> } {
  return p.tables.length ? { records: Object.fromEntries(p.tables.map((x) => [x.def.section, x.records])) } : {};
}

/** A name that matches several: each with its code, to show one by. */
function candidatesDoc(text_: string, found: Found[], max: number, lang: Lang): Doc {
  const lines = found
    .slice(0, max)
    .map((f) => para(f.kind === 'org' ? t(lang, 'sh_candidate_org', f) : t(lang, 'sh_candidate_member', { code: f.code, name: f.name, org: f.org ?? '' })));
  const more = found.length > max ? [para(t(lang, 'sh_many_more', { n: max }))] : [];
  return {
    lang,
    sections: [
      { id: 'candidates', title: t(lang, 'sh_many', { text: text_, n: found.length > max ? `${max}+` : found.length }), parts: [...lines, ...more, GAP] },
    ],
  };
}

/** What show shows of one org or member. */
export const profileView = (p: Profile, lang: Lang): View => ({ data: () => profileJson(p), doc: () => profileDoc(p, lang) });

/** What show shows for a name that matches several: the first `max`, each with its code. */
export const candidatesView = (text_: string, found: Found[], max: number, lang: Lang): View => ({
  data: () => ({ candidates: found.slice(0, max) }),
  doc: () => candidatesDoc(text_, found, max, lang),
});
