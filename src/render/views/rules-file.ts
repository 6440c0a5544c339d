// cxzy.rules.yaml as `cxzy init` writes it: every default, commented in
// Chinese. Values come from defaultRules(), so the file cannot drift from them.
import { defaultRules } from '../../core/rules.js';

export function rulesTemplate(): string {
  const r = defaultRules();
  const g = r.grading;
  const s = r.stars;
  const q = r.quota;
  const p = r.pledges;
  const level = (l: { grade: string; min?: number }) => (l.min === undefined ? `    - grade: ${l.grade}` : `    - grade: ${l.grade}\n      min: ${l.min}`);
  return `# cxzy 规则文件：每一项都是内置默认值，可按本地实施方案修改；删去的项按默认值执行。
# 修改后用 \`cxzy rules\` 查看当前生效的规则。

grading:                      # 分类定级
  weights:                    # 综合得分 = 自评×self + 党员群众测评×masses + 上级评定×superior（三者之和须为 1）
    self: ${g.weights.self}
    masses: ${g.weights.masses}
    superior: ${g.weights.superior}
  vote_scores:                # 党员群众测评得分 =（满意票×satisfied + 基本满意票×basic + 不满意票×unsatisfied）÷ 总票数
    satisfied: ${g.vote_scores.satisfied}
    basic: ${g.vote_scores.basic}
    unsatisfied: ${g.vote_scores.unsatisfied}
  levels:                     # 等次从高到低；综合得分（四舍五入到一位小数）≥ min 即为该等次；最后一个等次不写 min
${g.levels.map(level).join('\n')}
  # 四级定级（好、较好、一般、差）可改为：
  # levels:
  #   - grade: good
  #     min: 90
  #   - grade: fair
  #     min: 80
  #   - grade: average
  #     min: 60
  #   - grade: poor
  caps:                       # 封顶：只降不升
    satisfaction:             # 满意率（满意 + 基本满意）低于 below 时最高定为 max，并列入补课整改名单
      below: ${g.caps.satisfaction.below}
      max: ${g.caps.satisfaction.max}
    overdue_pledge:           # 季度末有逾期未兑现的承诺时最高定为 max
      max: ${g.caps.overdue_pledge.max}
    # open_problem:           # 默认不启用：季度末有挂牌督办的问题时最高定为 max
    #   max: fair
  commentary_days: ${g.commentary_days}         # 季度末前这么多天内没有领导点评，标记“点评逾期”
  actions:                    # 各等次的措施：consolidate 巩固提高，push 推动提升，rectify 整顿转化
${Object.entries(g.actions)
  .map(([k, v]) => `    ${k}: ${v}`)
  .join('\n')}
  shares: []                  # 各等次比例限制（只提示，不改等次），例如：
  # shares:
  #   - grade: good
  #     max: 0.10             # “好”不超过 10%
  #   - grade: poor
  #     min: 0.05             # “差”不少于 5%

stars:                        # 积分评星
  max_points: ${s.max_points}              # 五带头每项满分
  star_min: ${s.star_min}                # 每项扣分后得分 ≥ star_min 得一颗星
  red_star:                   # 红星党员：星数达到 stars，且有测评时满意率 ≥ satisfaction
    stars: ${s.red_star.stars}
    satisfaction: ${s.red_star.satisfaction}
  benchmark:                  # 标杆支部：定级为 grade，红星党员占在册党员 ≥ red_star_share，且季度内每月完成信息报送任务
    grade: ${s.benchmark.grade}
    red_star_share: ${s.benchmark.red_star_share}
  flag_committee:             # 旗帜党委：所属已定级支部中“好”占比 ≥ good_share，没有 excluded_grades 等次，且本季度培树典型 ≥ min_typicals
    good_share: ${s.flag_committee.good_share}
    excluded_grades: [${s.flag_committee.excluded_grades.join(', ')}]
    min_typicals: ${s.flag_committee.min_typicals}

quota:                        # 信息报送与培树典型
  reports_per_month: ${q.reports_per_month}        # 每个组织每月至少报送条数
  typicals_per_quarter: ${q.typicals_per_quarter}     # 每个党委每季度至少培树典型数
  points:                     # 每条信息的积分：未采用 / 县级 / 市级 / 省级 / 中央采用
${Object.entries(q.points)
  .map(([k, v]) => `    ${k}: ${v}`)
  .join('\n')}

pledges:                      # 承诺空乏的判定
  min_length: ${p.min_length}              # 少于这么多字
  stock_share: ${p.stock_share}             # 套话占比超过这个比例
  stock_phrases: [${p.stock_phrases.join(', ')}]

annual:                       # 年度评议与表彰（评先评优）
  min_graded_quarters: ${r.annual.min_graded_quarters}        # 先进基层党组织：至少这么多个季度定级，且都为“好”
  benchmark_quarters: ${r.annual.benchmark_quarters}         #   至少这么多个季度评为标杆支部
  months_met: ${r.annual.months_met}                #   至少这么多个月完成信息报送任务；年末没有挂牌督办的问题
  red_star_quarters: ${r.annual.red_star_quarters}          # 优秀共产党员：至少这么多个季度评为红星党员（非预备党员，无守法扣分，支部未定为一般、差）
  worker_points_quarters: ${r.annual.worker_points_quarters}     # 优秀党务工作者：先进基层党组织人选的书记，至少这么多个季度有积分
  worker_min_stars: ${r.annual.worker_min_stars}           #   且每个有积分的季度至少这么多颗星
  max_share: ${r.annual.max_share}               # 每类名额：参评对象的这个比例（四舍五入，至少 1）
  publicity_days: ${r.annual.publicity_days}             # 拟表彰对象公示的工作日数

ledger:                       # 问题台账
  supervise_after_days: ${r.ledger.supervise_after_days}     # 逾期超过这么多天的问题挂牌督办
  report_within_days: ${r.ledger.report_within_days}       # 督办通知单要求在这么多天内报送整改情况

# office:                     # 月度通报的发文机关（cxzy report 按通报格式排版时使用；不填则用通用名称并提示）
#   name: 中共示范县委创先争优活动领导小组办公室   # 发文机关，通报的红头和落款
#   area: 示范县                # 本地区名称，用于通报正文（不填为“全县”）
#   number_prefix: 县创争办     # 文号前缀：cxzy report --number 6 得到“县创争办〔2011〕6号”
#   code: "430102"              # 本地区代码（英文字母或数字，至多 12 位），cxzy merge --prefix 用
#   addressee: 各乡镇党委，县直各单位党组织   # 主送机关（不填为“各基层党组织”），末尾不加冒号
#   cc:                         # 抄送机关，列在版记中
#     - 市委创先争优活动领导小组办公室
#     - 县委组织部
#   printer: 县委创先争优活动领导小组办公室   # 印发机关，列在版记中（不填而有抄送时为 name）
#   requirements: >-            # 通报“工作要求”一节的文字（不填用默认文字）
#     各党组织要对照本通报查漏补缺，按时报送下月材料。
`;
}
