// A small county as one workbook, filled the way a branch office fills the
// template: its roster (members naming no quarter, a row struck through, two
// hidden, a vague pledge, a hidden sheet of drop-down lists) and each quarter's sheets (reviews with the quarter
// merged down its column, points with their deductions, reports; in the first
// quarter a problem and its recheck). For the tests of workbooks read in shares.
import type { SheetSpec } from './workbook-fixtures.js';

export const BRANCHES = 12;
export const PER_BRANCH = 8;
const code = (b: number) => `D${String(b).padStart(3, '0')}`;
export const member = (b: number, i: number) => `M${String(b * PER_BRANCH + i).padStart(5, '0')}`;
const each = <T>(f: (b: number, i: number) => T): T[] => Array.from({ length: BRANCHES * PER_BRANCH }, (_, k) => f(Math.floor(k / PER_BRANCH), k % PER_BRANCH));
const branches = <T>(f: (b: number) => T): T[] => Array.from({ length: BRANCHES }, (_, b) => f(b));

/** The county's roster as a branch office fills the template: its members name no quarter; one row struck through, two hidden. */
export const roster = (): SheetSpec[] => [
  { name: '填表说明', rows: [['填表说明'], ['每个工作表一类数据，一行一条记录。']] },
  {
    name: '组织',
    rows: [
      ['编号', '名称', '类型', '上级编号', '类别'],
      ['W', '虚构县委', '党委', undefined, '机关'],
      ...branches((b) => [code(b), `第${b + 1}党支部`, '党支部', 'W', '社区']),
    ],
  },
  {
    name: '党员',
    rows: [['编号', '姓名', '所在支部', '身份'], ...each((b, i) => [member(b, i), `党员${b}号${i}`, code(b), i ? '党员' : '书记'])],
    struckRows: [5],
    hiddenRows: [10, 11],
  },
  {
    name: '公开承诺',
    rows: [
      ['编号', '承诺主体', '组织名称', '承诺类型', '对照标准', '承诺内容', '承诺日期', '完成时限', '状态'],
      ...branches((b) => [
        `P-${code(b)}`,
        code(b),
        `第${b + 1}党支部`,
        '年度',
        '党员队伍好',
        b === 7 ? '进一步统一思想认识，提高服务群众的水平' : `年内为辖区${b + 2}户困难群众办理低保`,
        '2011-01-10',
        '2011-12-31',
        '推进中',
      ]),
    ],
  },
  // The template's lists for its drop-downs, hidden.
  { name: '下拉选项', hidden: true, rows: [['党支部'], ['党委']] },
];

/** A quarter's sheets: reviews (the quarter merged down its column), points with deductions, reports; in the first quarter a problem and its recheck. */
export function quarter(q: string, study: (b: number, i: number) => number | string, month: string): SheetSpec[] {
  const sheets: SheetSpec[] = [
    {
      name: '季度测评',
      rows: [
        ['季度', '组织编号', '组织名称', '自评', '满意', '基本满意', '不满意', '上级评定'],
        ...branches((b) => [b ? undefined : q, code(b), `第${b + 1}党支部`, 90, 30 + b, 2, 1, 85]),
      ],
      merges: [`A2:A${BRANCHES + 1}`],
    },
    {
      name: '党员积分',
      rows: [
        ['季度', '党员编号', '姓名', '带头学习提高', '带头争创佳绩', '带头服务群众', '带头遵纪守法', '带头弘扬正气'],
        ...each((b, i) => [q, member(b, i), `党员${b}号${i}`, study(b, i), 18, 19, 17, 17]),
      ],
      struckRows: [7],
    },
    {
      name: '积分扣减',
      rows: [
        ['季度', '党员编号', '姓名', '扣分项', '扣分', '原因'],
        [q, member(1, 2), '党员1号2', '带头遵纪守法', 2, '无故缺席组织生活'],
        [q, member(6, 0), '党员6号0', '带头服务群众', 1, '未按时参加志愿服务'],
      ],
    },
    {
      name: '信息报送',
      rows: [
        ['组织编号', '组织名称', '日期', '标题', '采用级别'],
        ...branches((b) => [
          code(b),
          `第${b + 1}党支部`,
          `${month}-${String(b + 1).padStart(2, '0')}`,
          `第${b + 1}党支部${q}工作动态`,
          b % 4 ? '未采用' : '县级',
        ]),
      ],
    },
  ];
  if (q !== '2011Q1') return sheets;
  return [
    ...sheets,
    {
      name: '问题台账',
      rows: [
        ['编号', '组织编号', '组织名称', '发现日期', '问题来源', '问题描述', '整改措施', '责任人', '整改时限', '整改状态', '整改完成日期', '销号日期'],
        [
          'ZG-1',
          code(2),
          '第3党支部',
          '2011-01-10',
          '群众评议',
          '公开栏三个月未更新',
          '每月5日前更新',
          '张三',
          '2011-02-28',
          '已销号',
          '2011-02-20',
          '2011-03-01',
        ],
        ['ZG-2', code(5), '第6党支部', '2011-02-02', '群众评议', '组织生活记录不全', '补齐记录', '李四', '2011-04-30', '整改中'],
      ],
    },
    {
      name: '回头看',
      rows: [
        ['问题编号', '日期', '结果', '说明'],
        ['ZG-1', '2011-03-20', '巩固', '公开栏按月更新'],
      ],
    },
  ];
}
