// The README's merge example, run as written on two counties made from the
// bundled examples (their top orgs renamed 芙蓉区委 and 天心区委): a city of
// two counties whose codes and names all repeat. Merged again without a
// prefix, a county keeps its prefix and place; given another prefix, the
// merge is refused naming the earlier one, with nothing written.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cxzy, dump, EXAMPLES, ROOT, tmp } from './helpers.js';

/** The commands of the README's merge block, each as its arguments (comments left out). */
function readmeMerge(): string[][] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /## 市级汇总[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1];
  return block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l.startsWith('cxzy '))
    .map((l) => l.split(/\s+/).slice(1));
}

/** A county's database made from the examples, its top org named `top`. */
async function county(dir: string, db: string, top: string): Promise<void> {
  const src = join(dir, `src-${top}`);
  cpSync(EXAMPLES, src, { recursive: true });
  const orgs = join(src, 'orgs.yaml');
  writeFileSync(orgs, readFileSync(orgs, 'utf8').replace('name: 示范县委', `name: ${top}`));
  const r = await cxzy(['import', src, '--db', db, '-q']);
  expect(r.code, r.stderr).toBe(0);
}

describe('the README’s city merge', () => {
  it('runs as written; merged again a county keeps its prefix and place; another prefix is refused with nothing written', async () => {
    const dir = tmp();
    mkdirSync(join(dir, '县库'));
    await county(dir, join(dir, '县库', '芙蓉区.db'), '芙蓉区委');
    await county(dir, join(dir, '县库', '天心区.db'), '天心区委');
    writeFileSync(join(dir, '市委.yaml'), 'orgs:\n  - {code: SW, name: 示范市委, type: committee, category: agency}\n');
    const commands = readmeMerge();
    expect(commands.length).toBeGreaterThanOrEqual(5);
    const out: string[] = [];
    for (const args of commands) {
      const r = await cxzy(args, { cwd: dir });
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
      out.push(r.stdout + r.stderr);
    }
    // The county's own figures, in the city's database.
    const own = await cxzy(['grade', '--org', 'W01', '--db', join('县库', '芙蓉区.db'), '--format', 'json'], { cwd: dir });
    const city = await cxzy(['grade', '--org', 'FR.W01', '--db', '市汇总.db', '--format', 'json'], { cwd: dir });
    const grades = (s: string) =>
      JSON.parse(s).orgs.map((o: { org: string; grade: string; composite: number }) => [o.org.replace(/^FR\./, ''), o.grade, o.composite]);
    expect(grades(city.stdout)).toEqual(grades(own.stdout));
    // Every county is still under the city's committee after the second merge, under its prefix.
    const db = dump(join(dir, '市汇总.db'));
    const orgs = db.orgs as { code: string; parent: string | null }[];
    expect(orgs.filter((o) => o.parent === 'SW').map((o) => o.code)).toEqual(['FR.W00', 'TX.W00']);
    expect(orgs.filter((o) => !o.code.startsWith('FR.') && !o.code.startsWith('TX.')).map((o) => o.code)).toEqual(['SW']);
    expect(out[commands.length - 1]).toContain('沿用第 2 次导入汇总时的设置：前缀 TX，挂在 SW 之下');
    // Names that both counties have are named with their county, in the notice and the tables alike.
    const report = await cxzy(['report', '--org', 'SW', '--db', '市汇总.db', '--format', 'md'], { cwd: dir });
    expect(report.stdout).toMatch(/（天心区委）/);
    expect(report.stdout).toMatch(/（芙蓉区委）/);
    const grade = await cxzy(['grade', '--org', 'SW', '--db', '市汇总.db'], { cwd: dir, columns: 200, tty: true, env: { NO_COLOR: '1' } });
    expect(grade.stdout).toContain('红湾社区党支部（芙蓉区委）');
    expect(grade.stdout).toContain('红湾社区党支部（天心区委）');
    // Another prefix for a county merged before: refused, naming the earlier merge, and nothing written.
    const before = dump(join(dir, '市汇总.db'), { history: true });
    const other = await cxzy(['merge', '--prefix', 'TXQ=县库/天心区.db', '--db', '市汇总.db'], { cwd: dir });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('县库/天心区.db 在第 3 次导入时以前缀“TX”汇总过，这次给的是“TXQ”');
    const under = await cxzy(['merge', '县库/天心区.db', '--under', 'FR.W01', '--db', '市汇总.db'], { cwd: dir });
    expect(under.code).toBe(1);
    expect(under.stderr).toContain('挂在 SW 之下汇总，这次给的是 --under FR.W01');
    expect(dump(join(dir, '市汇总.db'), { history: true })).toEqual(before);
  });
});
