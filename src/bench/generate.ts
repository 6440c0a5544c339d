// Deterministic synthetic data in the SPEC format for the benchmark: a county
// or city of towns (乡镇党委) with branches, members, pledges and one quarter
// of reviews, points, reports and typicals. One folder per town keeps every
// file small, as offices hand them in: memory should follow the largest file.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Size {
  name: string;
  branches: number;
}

export const SIZES: Record<string, Size> = {
  county: { name: 'county', branches: 3_000 },
  city: { name: 'city', branches: 30_000 },
};

export const PERIOD = '2011Q2';
const MONTHS = ['2011-04', '2011-05', '2011-06'];
const BRANCHES_PER_TOWN = 100;

/** mulberry32: a tiny seeded PRNG, so every run writes the same bytes. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '建国',
  '秀英',
  '桂兰',
  '海燕',
  '志强',
  '丽娟',
  '德明',
  '红梅',
  '国庆',
  '春生',
  '玉兰',
  '家明',
  '晓燕',
  '立军',
  '思远',
  '美玲',
  '文静',
  '金山',
  '凤英',
  '长林',
];
const PLACES = ['红湾', '东关', '柳林', '石桥', '河口', '王家庄', '许三湾', '青山', '新华', '白沙', '杨树坪', '龙泉', '双河', '太平', '永安', '长岭'];
const KINDS = ['村', '社区', '机关', '学校', '医院', '企业'];
const ACTIONS = [
  '开展“三会一课”规范化建设',
  '组织党员志愿服务',
  '推行“民情流水线”工作法',
  '集中整治环境卫生',
  '举办致富技能培训班',
  '开展矛盾纠纷排查化解',
  '设立党员先锋岗',
  '走访慰问困难群众',
];
const PLEDGES = [
  '年内为辖区{n}户困难群众办理低保，每季度走访一次',
  '每月为孤寡老人上门服务{n}次，帮助解决实际困难',
  '年内带动{n}户群众发展种养殖业增收',
  '带头调解邻里纠纷，年内化解矛盾{n}起',
  '年内读书{n}本，撰写心得体会4篇',
];
const LEAD_KEYS = ['study', 'excel', 'service', 'discipline', 'integrity'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export interface Generated {
  dir: string;
  files: number;
  bytes: number;
  branches: number;
  members: number;
}

/** The random draws of one generation, in the order they are made. */
interface Draw {
  r: () => number;
  pick: <T>(xs: readonly T[]) => T;
  int: (lo: number, hi: number) => number;
}

/** One branch's members, their points and their pledges, numbered from `next`; returns the next number. */
function branchMembers({ r, pick, int }: Draw, code: string, good: boolean, next: number, out: { mem: string[]; points: string[]; pledges: string[] }): number {
  const count = int(15, 35);
  for (let m = 0; m < count; m++) {
    const id = `M${pad(next++, 7)}`;
    out.mem.push(
      `  - id: ${id}\n    name: ${pick([...SURNAMES])}${pick(GIVEN)}\n    org: ${code}\n    role: ${m === 0 ? 'secretary' : pick(['member', 'member', 'member', '委员', 'probationary'])}\n`,
    );
    const lead = LEAD_KEYS.map((k) => `    ${k}: ${int(good ? 17 : 14, 20)}\n`).join('');
    const ded = r() < 0.05 ? `    deductions:\n      - {dimension: ${pick(LEAD_KEYS)}, points: ${int(1, 5)}, reason: 无故缺席组织生活}\n` : '';
    const mv = r() < 0.3 ? `    masses: {satisfied: ${int(15, 30)}, basic: ${int(0, 4)}, unsatisfied: ${int(0, 1)}}\n` : '';
    out.points.push(`  - member: ${id}\n${lead}${ded}${mv}`);
    if (r() < 0.3) {
      out.pledges.push(
        `  - id: P-${id}\n    owner: ${id}\n    kind: 即时\n    standard: ${pick(LEAD_KEYS)}\n    content: ${pick(PLEDGES).replace('{n}', String(int(2, 12)))}\n    made: "2011-01-10"\n    due: "2011-${pick(['05-31', '06-30', '09-30', '12-31'])}"\n    status: ${pick(['in_progress', 'pending', '推进中'])}\n`,
      );
    }
  }
  return next;
}

/** Writes `size` under `root` (a folder per town) and returns what it wrote. */
export function generate(size: Size, root: string): Generated {
  const r = rng(20110401 + size.branches);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const towns = Math.ceil(size.branches / BRANCHES_PER_TOWN);
  let files = 0;
  let bytes = 0;
  let members = 0;
  const write = (path: string, text: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    files++;
    bytes += Buffer.byteLength(text);
  };

  const head = `# 基准测试用虚构数据（${size.name}）\n`;
  write(join(root, 'county.yaml'), `${head}orgs:\n  - code: W\n    name: 虚构市委\n    type: committee\n    category: agency\n`);
  let branchNo = 0;
  for (let t = 0; t < towns; t++) {
    const town = `T${pad(t, 4)}`;
    const townName = `${pick(PLACES)}${t}镇党委`;
    const dir = join(root, town);
    const orgs: string[] = [`orgs:\n  - code: ${town}\n    name: ${townName}\n    type: 党委\n    parent: W\n    category: agency\n`];
    const mem: string[] = ['members:\n'];
    const pledges: string[] = ['pledges:\n'];
    const reviews: string[] = [`period: ${PERIOD}\nreviews:\n`];
    const points: string[] = [`period: ${PERIOD}\npoints:\n`];
    const reports: string[] = [`period: ${PERIOD}\nreports:\n`];
    const typicals: string[] = [`period: ${PERIOD}\ntypicals:\n`];
    const n = Math.min(BRANCHES_PER_TOWN, size.branches - branchNo);
    for (let b = 0; b < n; b++, branchNo++) {
      const code = `D${pad(branchNo, 6)}`;
      const name = `${pick(PLACES)}${pick(KINDS)}第${b + 1}党支部`;
      orgs.push(
        `  - code: ${code}\n    name: ${name}\n    type: branch\n    parent: ${town}\n    category: ${pick(['rural', 'community', 'agency', '事业单位', 'soe', 'private'])}\n    secretary: ${pick([...SURNAMES])}${pick(GIVEN)}\n`,
      );
      const good = r() < 0.4;
      const self = int(good ? 88 : 72, 98);
      const s = int(30, 60);
      const u = int(0, good ? 1 : 6);
      reviews.push(
        `  - org: ${code}\n    self: ${self}\n    masses: {satisfied: ${s}, basic: ${int(0, 8)}, unsatisfied: ${u}}\n    superior: ${int(good ? 88 : 70, 97)}\n` +
          (r() < 0.9
            ? `    commentary: {date: "2011-06-${pad(int(10, 28), 2)}", by: ${pick([...SURNAMES])}${pick(GIVEN)}, text: 践诺台账清楚，建议加大为民办实事力度}\n`
            : ''),
      );
      pledges.push(
        `  - id: P-${code}\n    owner: ${code}\n    kind: annual\n    standard: ${pick(['leadership', 'team', 'mechanism', 'performance', 'feedback'])}\n    content: ${pick(PLEDGES).replace('{n}', String(int(2, 30)))}\n    made: "2011-01-10"\n    due: "2011-12-31"\n    status: in_progress\n`,
      );
      members = branchMembers({ r, pick, int }, code, good, members, { mem, points, pledges });
      for (const month of MONTHS) {
        const k = int(good ? 3 : 1, 5);
        for (let i = 0; i < k; i++) {
          const adopted = pick(['', '', '', '', 'county', '县级', 'city', 'province']);
          reports.push(
            `  - org: ${code}\n    date: "${month}-${pad(int(1, 28), 2)}"\n    title: ${name}${pick(ACTIONS)}（${i + 1}）\n${adopted ? `    adopted: ${adopted}\n` : ''}`,
          );
        }
      }
    }
    for (const month of MONTHS)
      reports.push(
        `  - org: ${town}\n    date: "${month}-15"\n    title: ${townName}${pick(ACTIONS)}\n  - org: ${town}\n    date: "${month}-20"\n    title: ${townName}召开推进会\n  - org: ${town}\n    date: "${month}-25"\n    title: ${townName}督查通报\n`,
      );
    typicals.push(`  - org: ${town}\n    date: "2011-05-${pad(int(1, 28), 2)}"\n    title: ${townName}培树“${pick(ACTIONS)}”典型\n`);
    write(join(dir, 'orgs.yaml'), head + orgs.join(''));
    write(join(dir, 'members.yaml'), head + mem.join(''));
    write(join(dir, 'pledges.yaml'), head + pledges.join(''));
    write(join(dir, PERIOD, 'reviews.yaml'), head + reviews.join(''));
    write(join(dir, PERIOD, 'points.yaml'), head + points.join(''));
    write(join(dir, PERIOD, 'reports.yaml'), head + reports.join(''));
    write(join(dir, PERIOD, 'typicals.yaml'), head + typicals.join(''));
  }
  return { dir: root, files, bytes, branches: size.branches, members };
}

/** A copy of a generated batch with one field misspelt (`integrty:`) in one points file: the typo an office meets in almost every batch. */
export function withTypo(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  const file = join(to, 'T0001', PERIOD, 'points.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('    integrity:', '    integrty:'));
  return file;
}

/** One points file of `n` records, every one with `integrity` misspelt: `n` unknown fields and `n` missing ones. */
export function manyErrors(file: string, n: number): void {
  const out = [`period: ${PERIOD}\npoints:\n`];
  for (let i = 0; i < n; i++) out.push(`  - member: M${pad(i, 7)}\n    study: 18\n    excel: 17\n    service: 20\n    discipline: 19\n    integrty: 16\n`);
  writeFileSync(file, out.join(''));
}

/** Every points record in `dir` corrected in place (its study score one lower): an update of a whole quarter's points. */
export function correctPoints(dir: string): void {
  for (const town of readdirSync(dir)) {
    const file = join(dir, town, PERIOD, 'points.yaml');
    if (!existsSync(file)) continue;
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^ {4}study: (\d+)$/gm, (_, n: string) => `    study: ${Number(n) - 1}`),
    );
  }
}

/**
 * A year of transfers: in each quarter of 2011, one member in a hundred
 * stated in another branch from that quarter on (组织关系转接), one document
 * per quarter. The members' runs of quarters then hold a few per cent more
 * rows than the members, as an office's year leaves them.
 */
export function movesFile(file: string, branches: number, members: number): number {
  const r = rng(20111231 + members);
  const out: string[] = ['# 基准测试用虚构组织关系转接\n'];
  let n = 0;
  for (const [q, period] of ['2011Q1', '2011Q2', '2011Q3', '2011Q4'].entries()) {
    out.push(`${q ? '---\n' : ''}period: ${period}\nmembers:\n`);
    for (let i = 0; i < members; i++) {
      if (r() >= 0.01) continue;
      out.push(`  - {id: M${pad(i, 7)}, name: 转入${i}, org: D${pad(Math.floor(r() * branches), 6)}, role: member}\n`);
      n++;
    }
  }
  writeFileSync(file, out.join(''));
  return n;
}

/**
 * A ledger for `branches` branches (codes as generate makes them): one
 * problem each, found in the quarter, in every state — open, overdue past
 * supervision, resolved, closed, closed with a recheck.
 */
export function problemsFile(file: string, branches: number): number {
  const r = rng(20110630 + branches);
  const out: string[] = ['# 基准测试用虚构问题台账\nproblems:\n'];
  for (let b = 0; b < branches; b++) {
    const code = `D${pad(b, 6)}`;
    const found = `${MONTHS[b % 3]}-${pad(1 + Math.floor(r() * 20), 2)}`;
    const due = `2011-0${5 + (b % 3)}-${pad(10 + Math.floor(r() * 18), 2)}`;
    const kind = b % 5;
    const status = ['open', 'in_progress', 'resolved', 'closed', 'closed'][kind];
    const resolved = kind >= 2 ? `\n    resolved: "${due}"` : '';
    const closed = kind >= 3 ? `\n    closed: "${due}"` : '';
    const recheck =
      kind === 4 ? `\n    rechecks:\n      - {date: "2011-09-${pad(1 + Math.floor(r() * 28), 2)}", result: ${r() < 0.2 ? 'relapsed' : 'holds'}}` : '';
    out.push(
      `  - id: ZG-${code}\n    org: ${code}\n    found: "${found}"\n    source: ${['masses', 'inspection', 'grading'][b % 3]}\n    content: 村务公开栏未按时更新\n    measures: 每月5日前更新公开栏\n    owner: 支部书记\n    due: "${due}"\n    status: ${status}${resolved}${closed}${recheck}\n`,
    );
  }
  writeFileSync(file, out.join(''));
  return branches;
}

/** Bytes a joined file holds at most: a file may have 64 MB (read/limits.ts), and the city's points are 88 MB in all. */
const JOINED_BYTES = 48 * 1024 * 1024;

/**
 * The same data kept as many offices keep it: one file per section and
 * quarter (orgs, members, pledges, and each section of the quarter), each one
 * document with one list: the towns' files joined, every list item kept as
 * written. A section past JOINED_BYTES (the city's points) is cut into as
 * few files as keep each within it. `from` is a folder `generate` wrote.
 */
export function oneFilePerSection(from: string, to: string): void {
  const towns = readdirSync(from)
    .filter((d) => /^T\d+$/.test(d))
    .sort();
  const join1 = (out: string, files: string[]) => {
    mkdirSync(join(out, '..'), { recursive: true });
    const texts = files.map((f) => readFileSync(f, 'utf8').replace(/\n+$/, '\n'));
    // The lines after a file's list key: what follows the first file's in the joined one.
    const items = (text: string) => {
      const lines = text.split('\n');
      return lines.slice(lines.findIndex((l) => /^\w+:\s*$/.test(l)) + 1).join('\n');
    };
    const parts: string[][] = [[]];
    let size = 0;
    for (const text of texts) {
      const bytes = Buffer.byteLength(text);
      if (size + bytes > JOINED_BYTES && parts.at(-1)!.length) {
        parts.push([]);
        size = 0;
      }
      parts.at(-1)!.push(parts.at(-1)!.length ? items(text) : text);
      size += bytes;
    }
    parts.forEach((p, i) => writeFileSync(parts.length === 1 ? out : out.replace(/\.yaml$/, `-${i + 1}.yaml`), p.join('')));
  };
  join1(join(to, 'orgs.yaml'), [join(from, 'county.yaml'), ...towns.map((t) => join(from, t, 'orgs.yaml'))]);
  for (const s of ['members', 'pledges'])
    join1(
      join(to, `${s}.yaml`),
      towns.map((t) => join(from, t, `${s}.yaml`)),
    );
  for (const s of ['reviews', 'points', 'reports', 'typicals'])
    join1(
      join(to, PERIOD, `${s}.yaml`),
      towns.map((t) => join(from, t, PERIOD, `${s}.yaml`)),
    );
}
