// 积分评星 output: the member table, then the named red stars, benchmark
// branches and flag committees with why each qualified or missed.
import type { ChalkInstance } from 'chalk';
import type { StarsResult, Verdict } from '../stars/stars.js';
import { LEADS } from '../model.js';
import { t, word, type Lang } from './i18n.js';
import { rowLines, type RowFormat } from './rows.js';
import { explainJson, explainLines } from './explain.js';
import { Mapped } from './json.js';

/** `members: false` leaves out the member table (the demo shows only who qualified). */
export function renderStars(s: StarsResult, format: RowFormat, lang: Lang, c: ChalkInstance, members = true): string {
  return [...starsLines(s, format, lang, c, members)].join('\n');
}

/** The output line by line: a city lists 750,000 members, too many to hold as rows or as one string. */
export function* starsLines(s: StarsResult, format: RowFormat, lang: Lang, c: ChalkInstance, members = true): Generator<string> {
  const headers = [t(lang, 'st_member'), t(lang, 'g_name'), t(lang, 'st_org'), ...LEADS.map((l) => word(lang, l)), t(lang, 'st_stars'), t(lang, 'st_red')];
  const yes = t(lang, 'yes');
  // Each row is built when the table asks for it (twice: widths, then text).
  const rows = {
    *[Symbol.iterator]() {
      for (const m of s.members) {
        yield [
          m.member, m.name, m.org, ...LEADS.map((l) => String(m.scores[l])), format === 'table' ? '★'.repeat(m.stars) || '0' : String(m.stars),
          m.red_star ? yes : '',
        ];
      }
    },
  };
  const table = rowLines(format, headers, rows, ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'left', 'left']);
  if (format === 'csv') return yield* table;
  const md = format === 'md';
  yield md ? `## ${t(lang, 'st_title', { period: s.period })}` : c.bold(t(lang, 'st_title', { period: s.period }));
  if (members) {
    yield* table;
    yield '';
  }
  const reds = s.members.filter((m) => m.red_star);
  yield t(lang, 'st_members_n', { n: s.members.length, red: reds.length });
  const sep = lang === 'zh' ? '、' : ', ';
  yield `${t(lang, 'st_red')}：${reds.map((m) => `${m.name}（${m.org}）`).join(sep) || t(lang, 'st_none')}`.replace('：', lang === 'zh' ? '：' : ': ');
  const verdicts = function* (title: string, list: Verdict[]) {
    yield '';
    yield md ? `### ${title}` : c.bold(title);
    for (const v of list) {
      const mark = v.qualified ? c.green(`✔ ${t(lang, 'qualified')}`) : c.dim(`✘ ${t(lang, 'not_qualified')}`);
      yield `${md ? '- ' : ''}${v.code} ${v.name}  ${md ? (v.qualified ? `**${t(lang, 'qualified')}**` : t(lang, 'not_qualified')) : mark}`;
      if (v.qualified || format === 'table') yield* explainLines(v.explain, lang, '    ');
    }
  };
  yield* verdicts(t(lang, 'st_benchmark'), s.benchmark);
  yield* verdicts(t(lang, 'st_flag'), s.flag);
}

export function starsJson(s: StarsResult, lang: Lang) {
  const verdict = (v: Verdict) => ({ code: v.code, name: v.name, qualified: v.qualified, why: explainJson(v.explain, lang) });
  return {
    period: s.period,
    members: new Mapped(s.members, (m) => ({
      member: m.member, name: m.name, org: m.org, stars: m.stars, red_star: m.red_star, scores: m.scores, satisfaction: m.satisfaction,
    })),
    benchmark_branches: s.benchmark.filter((b) => b.qualified).map((b) => b.code),
    flag_committees: s.flag.filter((f) => f.qualified).map((f) => f.code),
    benchmark_candidates: s.benchmark.map(verdict),
    flag_candidates: s.flag.map(verdict),
  };
}
