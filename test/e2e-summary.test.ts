// A terminal shown more than 2,000 members' stars gets their summary (SPEC §3):
// per committee, the red-star members, the benchmark branches and flag
// committees, the same as the full rating's; --all, --out and pipes get every
// member.
import { beforeAll, describe, expect, it } from 'vitest';
import { cxzy, generatedDb, starsScopes } from './helpers.js';
import { openDb } from '../src/store/db.js';
import { Query } from '../src/store/query.js';
import { defaultRules } from '../src/core/rules.js';
import { starsFromStore } from '../src/analyses/services.js';
import { starsIn, subtree } from '../src/analyses/scope.js';
import { starsView } from '../src/render/views/stars.js';

let db = '';

interface Stars {
  members: { member: string; org: string; red_star: boolean }[];
  benchmark_branches: string[];
  flag_committees: string[];
}

beforeAll(async () => {
  db = await generatedDb();
}, 30_000);

describe('stars on a terminal, past 2,000 members', () => {
  it('summarises by committee and names every red star, benchmark branch and flag committee of the full rating', async () => {
    const full = JSON.parse((await cxzy(['stars', '--db', db, '--format', 'json'])).stdout) as Stars;
    expect(full.members.length).toBeGreaterThan(2000);
    const r = await cxzy(['stars', '--db', db], { tty: true, columns: 120, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.length).toBeLessThan(full.members.length);
    expect(r.stdout).toContain(`参评党员 ${full.members.length} 名`);
    const town = lines.find((l) => l.startsWith('T0000 '))!;
    const red = full.members.filter((m) => m.red_star);
    expect(town.trim().split(/\s+/).slice(-3).map(Number)).toEqual([full.members.length, red.length, full.benchmark_branches.length]);
    for (const m of red) expect(r.stdout, m.member).toMatch(new RegExp(`^${m.member} .* ${m.org} `, 'm'));
    for (const b of full.benchmark_branches) expect(r.stdout).toMatch(new RegExp(`^${b} `, 'm'));
    for (const f of full.flag_committees) expect(r.stdout).toMatch(new RegExp(`^${f} `, 'm'));
    expect(r.stdout).toContain('全部名单请加 --all');
  });

  it('lists every member with --all, and in a pipe', async () => {
    const all = await cxzy(['stars', '--db', db, '--all'], { tty: true, columns: 120, env: { NO_COLOR: '1' } });
    const piped = await cxzy(['stars', '--db', db]);
    const members = (JSON.parse((await cxzy(['stars', '--db', db, '--format', 'json'])).stdout) as Stars).members;
    for (const out of [all.stdout, piped.stdout]) {
      expect(out).not.toContain('全部名单请加 --all');
      for (const m of members.slice(0, 50)) expect(out).toMatch(new RegExp(`^${m.member} `, 'm'));
      expect(out.split('\n').length).toBeGreaterThan(members.length);
    }
  });
});

describe('every member in JSON', () => {
  it('is rated as it is written, and says what the whole rating held, of the whole database or of one subtree', async () => {
    const d = openDb(db, 'read');
    try {
      const q = new Query(d);
      const period = q.pointsPeriods().at(-1)!;
      const town = q.orgs().find((o) => o.type === 'committee' && o.parent !== null)!.code;
      const branch = q.orgs().find((o) => o.type === 'branch' && o.parent === town)!.code;
      for (const org of [undefined, town, branch]) {
        const whole = starsIn(starsFromStore(q, defaultRules(), period), subtree(q.orgs(), org));
        const r = await cxzy(['stars', '--db', db, '--format', 'json', ...(org ? ['--org', org] : [])]);
        expect(r.code).toBe(0);
        expect(r.stdout, org).toBe(`${JSON.stringify(starsView(whole, 'zh').data(), null, 2)}\n`);
      }
    } finally {
      d.close();
    }
  });
});

// The binary, which hands these runs to a second thread: test/process/threads.test.ts.
describe('every member in JSON, in runs', () => {
  it('in runs of 7 orgs, some with no member, writes what it writes in one run', async () => {
    // Runs of 7 orgs (render/views/runs.ts), some with no member: in process each is made on this thread, in turn.
    const env = { CXZY_RUN_SIZE: '7' };
    for (const args of starsScopes(db)) {
      const inline = await cxzy(args);
      expect((await cxzy(args, { env })).stdout, args.join(' ')).toBe(inline.stdout);
    }
  });

  it('in runs of 97 members’ years writes what it writes in one run', async () => {
    // Runs of 97 members, made on this thread in turn (the binary gives every other one to its second thread).
    const env = { CXZY_RUN_SIZE: '97' };
    const args = ['annual', '--all', '--db', db, '--format', 'json'];
    const inline = await cxzy(args);
    expect(inline.code, inline.stderr).toBe(0);
    expect(JSON.parse(inline.stdout).members.length).toBeGreaterThan(8 * 97);
    expect((await cxzy(args, { env })).stdout).toBe(inline.stdout);
  });
});
