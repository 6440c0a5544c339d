// The full lists in JSON (stars and annual --all) are made as they are
// written, none held (issue 39): each must say, byte for byte, what the whole
// rating or review holds, for every quarter and year, of the whole database
// or of a subtree, with members who moved.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cxzy, tmp } from './helpers.js';
import { BRANCHES, branchFile, orgsYaml, QUARTERS } from './year.js';
import { openDb } from '../src/store/db.js';
import { Query } from '../src/store/query.js';
import { loadRules } from '../src/read/rules.js';
import type { Rules } from '../src/core/rules.js';
import { annualFromStore, starsFromStore } from '../src/analyses/services.js';
import { starsIn, subtree } from '../src/analyses/scope.js';
import { starsView } from '../src/render/views/stars.js';
import { annualView } from '../src/render/views/annual.js';

let dir = '';
const db = () => join(dir, 'c.db');
/** A year and the first quarter of the next: the year is read whole, the next through its quarter's index. */
const PERIODS = [...QUARTERS, '2012Q1'];
/** The whole database, a town, a branch a member moved into. */
const SCOPES = [undefined, 'W01', 'D0101'];
/** The built-in rules, and rules under which most members are red stars and many branches and members qualify. */
const EASY =
  'stars:\n  star_min: 17\n  red_star: {stars: 3, satisfaction: 0.8}\n  benchmark: {red_star_share: 0.2}\n' +
  'grading:\n  levels: [{grade: good, min: 84}, {grade: fair, min: 80}, {grade: average}]\n' +
  'annual:\n  red_star_quarters: 1\n  months_met: 3\n  min_graded_quarters: 1\n  benchmark_quarters: 0\n  worker_points_quarters: 1\n  worker_min_stars: 2\n';
/** Rules under which grades spread from good to poor: a moved member's quarters in a weaker branch count against it. */
const STRICT = 'grading:\n  levels: [{grade: good, min: 91}, {grade: fair, min: 88}, {grade: average, min: 86}, {grade: poor}]\n';
const RULES = [[], ['--rules', 'easy.yaml'], ['--rules', 'strict.yaml']];

beforeAll(async () => {
  dir = tmp();
  writeFileSync(join(dir, 'orgs.yaml'), orgsYaml());
  writeFileSync(join(dir, 'easy.yaml'), EASY);
  writeFileSync(join(dir, 'strict.yaml'), STRICT);
  expect((await cxzy(['import', 'orgs.yaml', '--db', 'c.db', '-q'], { cwd: dir })).code).toBe(0);
  for (const q of PERIODS) {
    mkdirSync(join(dir, q));
    for (const b of BRANCHES) writeFileSync(join(dir, q, `${b}.yaml`), branchFile(b, q));
    const r = await cxzy(['import', q, '--db', 'c.db', '-q'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  }
}, 60_000);

/** What a whole analysis of the store gives under the rules `rules` names, against the command's output; the output. */
async function compare(args: string[], rules: string[], whole: (q: Query, rules: Rules) => unknown) {
  // Runs of 7 orgs or members (render/views/runs.ts): a list of many runs, all made here (no second thread in process).
  const r = await cxzy([...args, ...rules, '--db', db(), '--format', 'json'], { cwd: dir, env: { CXZY_RUN_SIZE: '7' } });
  expect(r.code, r.stderr).toBe(0);
  const loaded = loadRules(rules[1], dir);
  if (!loaded.ok) throw new Error('rules');
  const d = openDb(db(), 'read');
  try {
    expect(r.stdout, [...args, ...rules].join(' ')).toBe(`${JSON.stringify(whole(new Query(d), loaded.rules), null, 2)}\n`);
  } finally {
    d.close();
  }
  return JSON.parse(r.stdout);
}

describe('full lists in JSON', () => {
  it('stars: every member, as the whole rating lists them, each quarter, each scope, under either rules', async () => {
    for (const period of PERIODS)
      for (const org of SCOPES)
        for (const rules of RULES) {
          const s = await compare(['stars', '--period', period, ...(org ? ['--org', org] : [])], rules, (q, r) =>
            starsView(starsIn(starsFromStore(q, r, period), subtree(q.orgs(), org)), 'zh').data(),
          );
          // The easy rules make red stars and benchmark branches of the branch and its town: what the verdicts count.
          if (rules[1] === 'easy.yaml' && org !== undefined && period !== '2012Q1') {
            expect(s.members.filter((m: { red_star: boolean }) => m.red_star).length).toBeGreaterThan(0);
            expect(s.benchmark_branches.length).toBeGreaterThan(0);
          }
        }
  });

  it('annual --all: every member’s year, as the whole review gives them, each year, each scope, with and without --explain', async () => {
    for (const year of ['2011', '2012'])
      for (const org of SCOPES)
        for (const rules of RULES)
          for (const explain of [false, true]) {
            const args = ['annual', '--all', '--year', year, ...(org ? ['--org', org] : []), ...(explain ? ['--explain'] : [])];
            const a = await compare(args, rules, (q, r) =>
              annualView(annualFromStore(q, r, year, subtree(q.orgs(), org)), 'zh', { all: true, explain, rules: r }).data(),
            );
            if (rules[1] === 'easy.yaml' && year === '2011') expect(a.members.some((m: { red_star_quarters: number }) => m.red_star_quarters > 1)).toBe(true);
            if (rules[1] === 'easy.yaml' && year === '2011' && org === undefined) expect(a.candidates.excellent_member.length).toBeGreaterThan(0);
          }
  });
});
