// Writes examples/: the fictional 示范县 over two quarters (2011Q1, 2011Q2).
// Deterministic (seeded), so the tests can pin its figures. Run:
//   node scripts/make-examples.mjs
// The edge cases the rules care about are placed on purpose, not left to chance.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

let seed = 20110101;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (a) => a[Math.floor(rand() * a.length)];
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const orgs = [
  ['W00', '示范县委', 'committee', null, 'agency', '周建国'],
  ['W01', '城关镇党委', 'committee', 'W00', 'agency', '陈立新'],
  ['W02', '许三湾镇党委', 'committee', 'W00', 'rural', '许长青'],
  ['W03', '河口乡党委', 'committee', 'W00', 'rural', '刘振华'],
  ['W04', '县直机关工委', 'committee', 'W00', 'agency', '孙海燕'],
  ['Z0401', '县教育系统党总支', 'committee', 'W04', 'institution', '马文博'],
  ['D0101', '红湾社区党支部', 'branch', 'W01', 'community'],
  ['D0102', '东关社区党支部', 'branch', 'W01', 'community'],
  ['D0103', '城关镇机关党支部', 'branch', 'W01', 'agency'],
  ['D0104', '县新华书店党支部', 'branch', 'W01', 'soe'],
  ['D0105', '宏达建材有限公司党支部', 'branch', 'W01', 'private'],
  ['D0201', '许三湾村党支部', 'branch', 'W02', 'rural'],
  ['D0202', '柳林村党支部', 'branch', 'W02', 'rural'],
  ['D0203', '石桥村党支部', 'branch', 'W02', 'rural'],
  ['D0204', '原柳河村党支部', 'branch', 'W02', 'rural'],
  ['D0205', '许三湾镇卫生院党支部', 'branch', 'W02', 'institution'],
  ['D0301', '河口村党支部', 'branch', 'W03', 'rural'],
  ['D0302', '王家庄村党支部', 'branch', 'W03', 'rural'],
  ['D0303', '河口乡中心学校党支部', 'branch', 'W03', 'institution'],
  ['D0304', '河口乡个体劳动者协会党支部', 'branch', 'W03', 'social'],
  ['D0401', '县财政局机关党支部', 'branch', 'W04', 'agency'],
  ['D0402', '县民政局机关党支部', 'branch', 'W04', 'agency'],
  ['D0403', '县人民医院党支部', 'branch', 'W04', 'institution'],
  ['D0404', '县供电公司党支部', 'branch', 'W04', 'soe'],
  ['D0405', '县第一中学党支部', 'branch', 'Z0401', 'institution'],
  ['D0406', '县实验小学党支部', 'branch', 'Z0401', 'institution'],
];
const INACTIVE = new Set(['D0204']); // merged into 石桥村 at the end of 2010, kept for history
const branches = orgs.filter((o) => o[2] === 'branch');
const committees = orgs.filter((o) => o[2] === 'committee');

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '建华',
  '秀英',
  '志强',
  '桂兰',
  '国庆',
  '玉兰',
  '海军',
  '淑珍',
  '红梅',
  '德明',
  '春生',
  '丽娟',
  '永红',
  '伟东',
  '晓燕',
  '金山',
  '凤英',
  '长林',
  '文静',
  '新民',
  '立军',
  '雪梅',
  '振国',
  '秋菊',
  '保平',
  '小华',
  '子健',
  '思远',
  '宏伟',
  '爱华',
  '继承',
  '连生',
  '月娥',
  '光明',
  '瑞芳',
  '庆丰',
  '家明',
  '美玲',
  '福生',
  '海燕',
];
const usedNames = new Set();
function personName() {
  for (;;) {
    const n = pick([...SURNAMES]) + pick(GIVEN);
    if (!usedNames.has(n)) {
      usedNames.add(n);
      return n;
    }
  }
}

// Members: 7-11 per branch; the first is the secretary, then committee members.
const members = [];
let mid = 1;
for (const b of branches) {
  const n = between(7, 11);
  for (let i = 0; i < n; i++) {
    const role = i === 0 ? 'secretary' : i <= 2 ? 'committee' : i === n - 1 ? 'probationary' : 'member';
    const active = INACTIVE.has(b[0]) ? false : !(b[0] === 'D0302' && i === 4); // one member transferred out
    members.push({ id: `M${String(mid++).padStart(6, '0')}`, name: personName(), org: b[0], role, active });
  }
  if (b[0] !== 'D0204') b[5] = members.find((m) => m.org === b[0] && m.role === 'secretary').name;
}
const active = (m) => m.active;
const membersOf = (code) => members.filter((m) => m.org === code);

// --- quarters -----------------------------------------------------------------
// Tier per branch and quarter: scores are drawn around the tier.
const tiers = {
  '2011Q1': {
    D0101: 'good',
    D0102: 'fair',
    D0103: 'fair',
    D0104: 'average',
    D0105: 'fair',
    D0201: 'good',
    D0202: 'good',
    D0203: 'good',
    D0205: 'fair',
    D0301: 'fair',
    D0302: 'lowsat',
    D0303: 'good',
    D0304: null,
    D0401: 'good',
    D0402: 'fair',
    D0403: 'good',
    D0404: 'fair',
    D0405: 'edge',
    D0406: 'good',
  },
  '2011Q2': {
    D0101: 'good',
    D0102: 'good',
    D0103: 'fair',
    D0104: 'fair',
    D0105: 'average',
    D0201: 'good',
    D0202: 'good',
    D0203: 'fair',
    D0205: 'good',
    D0301: null,
    D0302: 'fair',
    D0303: 'good',
    D0304: 'fair',
    D0401: 'good',
    D0402: 'good',
    D0403: 'good',
    D0404: 'lowsat',
    D0405: 'good',
    D0406: 'fair',
  },
};
function scores(tier) {
  switch (tier) {
    case 'good':
      return { self: between(92, 98), masses: { satisfied: between(44, 52), basic: between(1, 4), unsatisfied: between(0, 1) }, superior: between(90, 96) };
    case 'fair':
      return { self: between(85, 92), masses: { satisfied: between(34, 40), basic: between(6, 9), unsatisfied: between(1, 2) }, superior: between(80, 86) };
    case 'average':
      return { self: between(78, 84), masses: { satisfied: between(24, 30), basic: between(10, 14), unsatisfied: between(2, 3) }, superior: between(68, 75) };
    // high scores, but only 88% satisfied: capped at 一般 and put on the remedial list
    case 'lowsat':
      return { self: 93, masses: { satisfied: 40, basic: 4, unsatisfied: 6 }, superior: 92 };
    // composite exactly 89.95 (0.2·85 + 0.3·96 + 0.5·88), which rounds half-up to 90.0: 好
    case 'edge':
      return { self: 85, masses: { satisfied: 38, basic: 1, unsatisfied: 1 }, superior: 88 };
  }
}
const COMMENTERS = ['周建国', '陈立新', '许长青', '刘振华', '孙海燕'];
const COMMENTS = [
  '承诺事项具体，群众满意度高，望继续保持',
  '践诺台账清楚，建议加大为民办实事力度',
  '组织生活规范，党员作用发挥明显',
  '承诺内容偏虚，下季度要细化到户到人',
  '信息报送及时，典型经验值得推广',
];

function reviewsFor(period) {
  const q2 = period === '2011Q2';
  const out = [];
  for (const b of branches) {
    const tier = tiers[period][b[0]];
    if (!tier) continue;
    const r = { org: b[0], ...scores(tier) };
    // Commentary: most branches get one in the quarter; D0104 and D0304 never do (点评逾期).
    if (!['D0104', 'D0304'].includes(b[0]) && !(q2 && b[0] === 'D0105')) {
      r.commentary = { date: q2 ? `2011-06-${between(10, 28)}` : `2011-03-${between(10, 28)}`, by: pick(COMMENTERS), text: pick(COMMENTS) };
    }
    out.push(r);
  }
  // The superior committee's final decision overrides the computed grade.
  const d0203 = out.find((r) => r.org === 'D0203');
  if (q2 && d0203) Object.assign(d0203, { grade: '好', reason: '汛期组织党员抗洪抢险，转移群众326人，表现突出' });
  // Committees are reviewed too (graded when they have a review).
  for (const c of committees.filter((c) => c[0] !== 'W00')) {
    out.push({
      org: c[0],
      ...scores(q2 && c[0] === 'W03' ? 'fair' : 'good'),
      commentary: { date: q2 ? '2011-06-30' : '2011-03-30', by: '周建国', text: pick(COMMENTS) },
    });
  }
  return out;
}

function pointsFor(period) {
  const out = [];
  for (const m of members.filter(active)) {
    if (period === '2011Q2' && m.id === membersOf('D0303')[3].id) continue; // missing: a warning
    const strong = rand() < 0.45 || ['D0101', 'D0201'].includes(m.org);
    const v = () => (strong ? between(18, 20) : between(14, 19));
    const p = { member: m.id, study: v(), excel: v(), service: v(), discipline: between(18, 20), integrity: v() };
    if (rand() < 0.08)
      p.deductions = [
        { dimension: pick(['study', 'excel', 'service']), points: between(1, 3), reason: pick(['无故缺席组织生活一次', '未按时交纳党费', '承诺事项推进滞后']) },
      ];
    if (rand() < 0.5) p.masses = { satisfied: between(15, 22), basic: between(0, 3), unsatisfied: between(0, 2) };
    out.push(p);
  }
  return out;
}

const TOPICS = [
  '推行“民情流水线”工作法',
  '开展党员承诺践诺活动',
  '党员志愿服务队走访独居老人',
  '召开创先争优推进会',
  '组织党员冬训',
  '开展“三会一课”规范化建设',
  '设立党员先锋岗',
  '举办致富技能培训班',
  '开展结对帮扶困难群众',
  '推进村务公开民主管理',
  '开展点评活动',
  '建立党员联系户制度',
  '开展“岗位练兵”活动',
  '集中整治环境卫生',
  '帮助群众解决饮水难题',
  '组织党员观看专题教育片',
  '开展矛盾纠纷排查化解',
  '开办“农家书屋”',
];
const ADOPT = ['none', 'none', 'none', 'none', 'none', 'none', '县级', 'county', '市级', 'province'];

function reportsFor(months) {
  const out = [];
  const orgList = orgs.filter((o) => !INACTIVE.has(o[0]));
  for (const month of months) {
    for (const o of orgList) {
      // A few orgs fall short in some months; the others send 3-5 items.
      let n = between(3, 5);
      if (o[0] === 'D0105' && month === '2011-02') n = 1;
      if (o[0] === 'D0302') n = 2;
      if (o[0] === 'D0404' && month === '2011-05') n = 0;
      if (o[0] === 'D0201' && month === '2011-04') n = 2;
      const used = new Set();
      for (let i = 0; i < n; i++) {
        let t;
        do t = pick(TOPICS);
        while (used.has(t));
        used.add(t);
        const item = { org: o[0], date: `${month}-${String(between(1, 28)).padStart(2, '0')}`, title: `${o[1].replace(/党支部|党委|党总支|工委$/, '')}${t}` };
        const a = pick(ADOPT);
        if (a !== 'none') item.adopted = a;
        out.push(item);
      }
    }
  }
  // The same item sent twice in one month: counted once, with the higher adoption.
  const first = out.find((r) => r.org === 'D0101' && r.date.startsWith(months[0]));
  out.push({ org: 'D0101', date: `${months[0]}-28`, title: first.title, adopted: '市级' });
  const second = out.find((r) => r.org === 'D0301' && r.date.startsWith(months[1]));
  out.push({ org: 'D0301', date: `${months[1]}-27`, title: second.title });
  return out.sort((a, b) => (a.org + a.date < b.org + b.date ? -1 : 1));
}

const TYPICALS = [
  '带领群众发展特色产业',
  '“支部+合作社”带富一方',
  '党员中心户服务群众',
  '“五好”家庭创评',
  '老党员义务调解矛盾纠纷',
  '医疗服务进村入户',
  '“红色书屋”助力学生成长',
];
function typicalsFor(period) {
  const q2 = period === '2011Q2';
  const out = [];
  for (const c of committees) {
    if (c[0] === 'W00') continue;
    if (q2 && c[0] === 'W03') continue; // 河口乡 cultivated none in Q2
    const n = c[0] === 'W02' ? 2 : 1;
    for (let i = 0; i < n; i++) {
      const b = pick(branches.filter((x) => x[3] === c[0] && !INACTIVE.has(x[0])));
      out.push({
        org: c[0],
        date: q2 ? `2011-0${between(4, 6)}-${between(10, 28)}` : `2011-0${between(1, 3)}-${between(10, 28)}`,
        title: `${b[1]}${pick(TYPICALS)}`,
      });
    }
  }
  return out;
}

// Pledges: every active branch makes an annual pledge; some members make pledges.
const ORG_PLEDGES = [
  ['feedback', '年内为辖区{n}户困难群众办理低保，每季度走访一次'],
  ['performance', '年内新修村组道路{n}公里，6月底前完成硬化'],
  ['team', '年内发展入党积极分子{n}名，党员培训每季度不少于1次'],
  ['mechanism', '建立党员联系户制度，每名党员联系群众{n}户，每月上门一次'],
  ['leadership', '班子成员每月到联系点蹲点不少于{n}天，年底述职接受群众评议'],
];
const MEMBER_PLEDGES = [
  ['service', '每月为孤寡老人上门服务{n}次，帮助解决实际困难'],
  ['study', '年内读书{n}本，撰写心得体会4篇'],
  ['excel', '年内带动{n}户群众发展种养殖业增收'],
  ['integrity', '带头调解邻里纠纷，年内化解矛盾{n}起'],
];
const VAGUE = [
  ['study', '进一步加强学习，努力提高自身素质'],
  ['service', '积极为群众办实事好事'],
  ['discipline', '切实遵纪守法，认真做好本职工作，不断努力'],
];
function pledges() {
  const out = [];
  for (const b of branches.filter((b) => !INACTIVE.has(b[0]))) {
    const [standard, text] = pick(ORG_PLEDGES);
    const p = {
      id: `P-${b[0]}-2011-01`,
      owner: b[0],
      kind: 'annual',
      standard,
      content: text.replace('{n}', between(3, 30)),
      made: '2011-01-10',
      due: '2011-12-31',
      status: 'in_progress',
    };
    if (b[0] === 'D0102') Object.assign(p, { kind: 'immediate', due: '2011-03-31' }); // overdue at the end of Q1
    if (b[0] === 'D0401') Object.assign(p, { kind: 'immediate', due: '2011-03-31', status: 'fulfilled', fulfilled: '2011-04-15' }); // fulfilled late
    if (b[0] === 'D0201') Object.assign(p, { status: 'fulfilled', fulfilled: '2011-06-20', evaluation: { satisfied: 56, basic: 4, unsatisfied: 1 } });
    if (b[0] === 'D0404') Object.assign(p, { kind: 'immediate', due: '2011-05-31', status: 'abandoned' });
    out.push(p);
  }
  out.push({
    id: 'P-D0203-2011-02',
    owner: 'D0203',
    kind: 'long_term',
    standard: 'performance',
    content: '三年内建成石桥村蔬菜大棚基地100亩，带动50户增收',
    made: '2011-02-15',
    due: '2013-12-31',
    status: 'pending',
  });
  let i = 0;
  for (const m of members.filter(active)) {
    if (rand() > 0.3) continue;
    i++;
    const vague = i % 9 === 0;
    const [standard, text] = vague ? pick(VAGUE) : pick(MEMBER_PLEDGES);
    const p = {
      id: `P-${m.id}-2011-01`,
      owner: m.id,
      kind: pick(['annual', 'immediate']),
      standard,
      content: text.replace('{n}', between(2, 12)),
      made: `2011-01-${between(10, 25)}`,
      due: '2011-12-31',
      status: pick(['in_progress', 'in_progress', 'pending']),
    };
    if (p.kind === 'immediate') {
      p.due = '2011-05-31';
      if (rand() < 0.6)
        Object.assign(p, {
          status: 'fulfilled',
          fulfilled: `2011-0${between(3, 5)}-${between(10, 28)}`,
          evaluation: { satisfied: between(15, 30), basic: between(0, 4), unsatisfied: between(0, 1) },
        });
    }
    out.push(p);
  }
  return out;
}

// --- YAML out ---------------------------------------------------------------------
const q = (s) => (/[:#[\]{},&*!|>'"%@`]|^[\d-]|^(true|false|null|yes|no)$/i.test(s) ? JSON.stringify(s) : s);
function item(obj, indent = '  ') {
  const lines = [];
  let first = true;
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || v === null) continue;
    const lead = first ? `${indent}- ` : `${indent}  `;
    first = false;
    if (typeof v === 'object' && !Array.isArray(v)) {
      const inner = Object.entries(v)
        .map(([a, b]) => `${a}: ${typeof b === 'string' ? q(b) : b}`)
        .join(', ');
      lines.push(`${lead}${k}: {${inner}}`);
    } else if (Array.isArray(v)) {
      lines.push(`${lead}${k}:`);
      for (const x of v) lines.push(item(x, `${indent}    `));
    } else lines.push(`${lead}${k}: ${typeof v === 'string' ? q(v) : v}`);
  }
  return lines.join('\n');
}
const section = (name, list) => `${name}:\n${list.map((x) => item(x)).join('\n')}\n`;

rmSync('examples', { recursive: true, force: true });
mkdirSync('examples/2011Q1', { recursive: true });
mkdirSync('examples/2011Q2', { recursive: true });
const header = (t) => `# 示范县创先争优活动数据（虚构示例）：${t}\n`;
writeFileSync(
  'examples/orgs.yaml',
  header('组织') +
    section(
      'orgs',
      orgs.map(([code, name, type, parent, category, secretary]) => ({
        code,
        name,
        type: type === 'committee' ? (code.startsWith('Z') ? '党总支' : '党委') : '党支部',
        parent: parent ?? undefined,
        category,
        secretary,
        active: INACTIVE.has(code) ? false : undefined,
      })),
    ),
);
writeFileSync(
  'examples/members.yaml',
  header('党员') +
    section(
      'members',
      members.map((m) => ({ ...m, active: m.active ? undefined : false })),
    ),
);
writeFileSync('examples/pledges.yaml', header('公开承诺') + section('pledges', pledges()));
for (const [period, months] of [
  ['2011Q1', ['2011-01', '2011-02', '2011-03']],
  ['2011Q2', ['2011-04', '2011-05', '2011-06']],
]) {
  writeFileSync(`examples/${period}/reviews.yaml`, `${header(`${period} 测评`)}period: ${period}\n${section('reviews', reviewsFor(period))}`);
  writeFileSync(`examples/${period}/points.yaml`, `${header(`${period} 党员积分`)}period: ${period}\n${section('points', pointsFor(period))}`);
  writeFileSync(`examples/${period}/reports.yaml`, `${header(`${period} 信息报送`)}period: ${period}\n${section('reports', reportsFor(months))}`);
  writeFileSync(`examples/${period}/typicals.yaml`, `${header(`${period} 培树典型`)}period: ${period}\n${section('typicals', typicalsFor(period))}`);
}
console.log(`examples: ${orgs.length} orgs, ${members.length} members`);
