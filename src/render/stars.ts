// 积分评星 output: the member table, then the named red stars, benchmark
// branches and flag committees with why each qualified or missed.
import type { ChalkInstance } from 'chalk';
import type { StarsResult, Verdict } from '../stars/stars.js';
import { LEADS } from '../model.js';
import { t, word, type Lang } from './i18n.js';
import { renderRows, type RowFormat } from './rows.js';
import { explainJson, explainLines } from './explain.js';

/** `members: false` leaves out the member table (the demo shows only who qualified). */
export function renderStars(s: StarsResult, format: RowFormat, lang: Lang, c: ChalkInstance, members = true): string {
  const headers = [t(lang, 'st_member'), t(lang, 'g_name'), t(lang, 'st_org'), ...LEADS.map((l) => word(lang, l)), t(lang, 'st_stars'), t(lang, 'st_red')];
  const rows = s.members.map((m) => [
    m.member, m.name, m.org, ...LEADS.map((l) => String(m.scores[l])), format === 'table' ? '★'.repeat(m.stars) || '0' : String(m.stars),
    m.red_star ? t(lang, 'yes') : '',
  ]);
  const table = renderRows(format, headers, rows, ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'left', 'left']);
  if (format === 'csv') return table;
  const md = format === 'md';
  const out: string[] = [md ? `## ${t(lang, 'st_title', { period: s.period })}` : c.bold(t(lang, 'st_title', { period: s.period }))];
  if (members) out.push(table, '');
  const reds = s.members.filter((m) => m.red_star);
  out.push(t(lang, 'st_members_n', { n: s.members.length, red: reds.length }));
  const sep = lang === 'zh' ? '、' : ', ';
  out.push(`${t(lang, 'st_red')}：${reds.map((m) => `${m.name}（${m.org}）`).join(sep) || t(lang, 'st_none')}`.replace('：', lang === 'zh' ? '：' : ': '));
  const verdicts = (title: string, list: Verdict[]) => {
    out.push('', md ? `### ${title}` : c.bold(title));
    for (const v of list) {
      const mark = v.qualified ? c.green(`✔ ${t(lang, 'qualified')}`) : c.dim(`✘ ${t(lang, 'not_qualified')}`);
      out.push(`${md ? '- ' : ''}${v.code} ${v.name}  ${md ? (v.qualified ? `**${t(lang, 'qualified')}**` : t(lang, 'not_qualified')) : mark}`);
      if (v.qualified || format === 'table') out.push(...explainLines(v.explain, lang, md ? '    ' : '    '));
    }
  };
  verdicts(t(lang, 'st_benchmark'), s.benchmark);
  verdicts(t(lang, 'st_flag'), s.flag);
  return out.join('\n');
}

export function starsJson(s: StarsResult, lang: Lang) {
  const verdict = (v: Verdict) => ({ code: v.code, name: v.name, qualified: v.qualified, why: explainJson(v.explain, lang) });
  return {
    period: s.period,
    members: s.members.map((m) => ({
      member: m.member, name: m.name, org: m.org, stars: m.stars, red_star: m.red_star, scores: m.scores, satisfaction: m.satisfaction,
    })),
    benchmark_branches: s.benchmark.filter((b) => b.qualified).map((b) => b.code),
    flag_committees: s.flag.filter((f) => f.qualified).map((f) => f.code),
    benchmark_candidates: s.benchmark.map(verdict),
    flag_candidates: s.flag.map(verdict),
  };
}
