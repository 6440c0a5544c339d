// Corrections: --replace's scope, the change preview, import history and undo.
import type { HistoryMessages } from '../../core/messages/history.js';
import type { Catalog } from './catalog.js';

export const history: Catalog<HistoryMessages> = {
  org_needs_replace: {
    zh: () => `import 的 --org 只与 --replace 一起使用：它把替换范围扩大到该组织及其下级全部组织`,
    en: () => `import's --org goes with --replace: it widens what is replaced to that org's whole subtree`,
  },
  replace_or_add: {
    zh: () => `--replace 与 --add 只能选一个：--replace 按新文件更正（删去它没有的记录），--add 作为补报追加`,
    en: () => `--replace and --add do not go together: --replace takes the new file as the correction (removing what it lacks), --add adds it to what is there`,
  },
  resubmission: {
    zh: (p) =>
      `${p.org} ${p.name} ${p.span} 的${p.what}已由 ${p.earlier} 报送（第 ${p.n} 次导入，${p.at}），这个文件又报了一次，没有导入。` +
      `如果这是更正后的文件，加 --replace（新增 ${p.added} 条、修改 ${p.changed} 条、删除 ${p.removed} 条）；如果是补报，加 --add（新增 ${p.added} 条、修改 ${p.changed} 条，不删除）`,
    en: (p) =>
      `${p.org} ${p.name}: its ${p.what} of ${p.span} came in ${p.earlier} (import ${p.n}, ${p.at}); this file brings them again and was not imported. ` +
      `If it is the corrected file, add --replace (${p.added} added, ${p.changed} changed, ${p.removed} removed); if it is a supplement, add --add (${p.added} added, ${p.changed} changed, none removed)`,
  },
  two_files: {
    zh: (p) =>
      `${p.org} ${p.name} ${p.period} 的材料（${p.sections}）在本批的两个文件里都有：${p.a} 和 ${p.b}。一个支部一个季度的材料只能以一个文件为准：如果一个是另一个的更正，只导入更正后的那个`,
    en: (p) =>
      `${p.org} ${p.name}: its records of ${p.period} (${p.sections}) are in two files of this batch, ${p.a} and ${p.b}. A branch's quarter comes from one file: if one corrects the other, import the corrected one alone`,
  },
  resubmission_more: {
    zh: (p) => `……另有 ${p.orgs} 个组织的 ${p.n} 份报送也是重报（--format json 列出全部）`,
    en: (p) => `… ${p.n} more submissions of ${p.orgs} more orgs are resubmitted too (--format json lists them all)`,
  },
  resubmission_replaced: {
    zh: (p) =>
      `${p.org} ${p.name} ${p.span} 的${p.what}按这个文件更正（--replace），取代 ${p.earlier} 报送的：新增 ${p.added} 条、修改 ${p.changed} 条、删除 ${p.removed} 条`,
    en: (p) =>
      `${p.org} ${p.name}: its ${p.what} of ${p.span} are corrected by this file (--replace), in place of ${p.earlier}'s: ${p.added} added, ${p.changed} changed, ${p.removed} removed`,
  },
  resubmission_added: {
    zh: (p) => `${p.org} ${p.name} ${p.span} 的${p.what}作为补报（--add）追加到 ${p.earlier} 报送的之上：新增 ${p.added} 条、修改 ${p.changed} 条`,
    en: (p) => `${p.org} ${p.name}: its ${p.what} of ${p.span} are added to ${p.earlier}'s (--add): ${p.added} added, ${p.changed} changed`,
  },
  import_number: {
    zh: (p) => `这是第 ${p.n} 次导入；如有错误，cxzy undo 可撤销`,
    en: (p) => `this is import ${p.n}; cxzy undo reverts it`,
  },
  import_unchanged: {
    zh: () => `没有任何记录改变：这次导入不记入导入历史，也不占用撤销`,
    en: () => `no record changed: this import is not logged and there is nothing to undo`,
  },
  replace_scope: {
    zh: () => `替换范围（--replace，只涉及以下组织，其他组织的记录不动）：`,
    en: () => `replaced (--replace; only these orgs, the records of any other org are left as they are):`,
  },
  replace_scope_line: {
    zh: (p) => `  ${p.section} ${p.period}：${p.orgs}`,
    en: (p) => `  ${p.section} ${p.period}: ${p.orgs}`,
  },
  replace_scope_none: {
    zh: (p) => `  ${p.section} ${p.period}：本批没有任何组织的记录，不删除任何记录（要清空一个组织的记录，请加 --org 代码）`,
    en: (p) => `  ${p.section} ${p.period}: the batch has no org's records here; nothing is removed (add --org CODE to empty an org's records)`,
  },
  more_orgs: {
    zh: (p) => `等 ${p.n} 个组织`,
    en: (p) => `and ${p.n} more orgs`,
  },
  changes_none: {
    zh: () => `没有任何记录会改变`,
    en: () => `no record would change`,
  },
  changes_section: {
    zh: (p) => `  ${p.section}：${p.counts}`,
    en: (p) => `  ${p.section}: ${p.counts}`,
  },
  bad_limit: {
    zh: (p) => `--limit 应为正整数，不是“${p.value}”`,
    en: (p) => `--limit takes a whole number above 0, not "${p.value}"`,
  },
  changes_all_json: {
    zh: (p) => `共 ${p.n} 条变更，多于 --limit ${p.limit}，只列出每个组织每个数据段的前 5 条；去掉 --limit 或加 --format json 列出全部`,
    en: (p) =>
      `${p.n} changes, more than --limit ${p.limit}: the first 5 per org and section are listed; leave out --limit, or add --format json, for every one`,
  },
  changes_more: {
    zh: (p) => `    ……另有 ${p.n} 条`,
    en: (p) => `    … ${p.n} more`,
  },
  changes_more_orgs: {
    zh: (p) => `……另有 ${p.orgs} 个组织的 ${p.n} 条变更未列出；用 --format json 可查看全部`,
    en: (p) => `… ${p.n} more changes in ${p.orgs} more orgs not shown; --format json lists them all`,
  },
  changes_moved: {
    zh: (p) => `另有 ${p.n} 条记录内容不变，只更新来源（文件、行号）`,
    en: (p) => `${p.n} more records keep their data and only change their source (file, line)`,
  },
  change_was: {
    zh: (p) => `原 ${p.src}`,
    en: (p) => `was ${p.src}`,
  },
  moved: {
    zh: () => `来源更新`,
    en: () => `source moved`,
  },
  log_none: {
    zh: () => `还没有导入记录`,
    en: () => `no imports yet`,
  },
  log_number: {
    zh: () => `次序`,
    en: () => `no.`,
  },
  log_at: {
    zh: () => `时间`,
    en: () => `time`,
  },
  log_files: {
    zh: () => `文件`,
    en: () => `files`,
  },
  log_changes: {
    zh: () => `变更`,
    en: () => `changes`,
  },
  log_state: {
    zh: () => `状态`,
    en: () => `state`,
  },
  log_undone: {
    zh: (p) => `已撤销（${p.at}）`,
    en: (p) => `undone (${p.at})`,
  },
  log_files_more: {
    zh: (p) => `${p.first} 等 ${p.n} 个`,
    en: (p) => `${p.first} and ${p.n} more`,
  },
  log_files_unchanged: {
    zh: (p) => `（${p.n} 个未变，跳过）`,
    en: (p) => `(${p.n} unchanged, skipped)`,
  },
  undo_nothing: {
    zh: () => `没有可撤销的导入（cxzy log 列出全部导入）`,
    en: () => `there is no import to undo (cxzy log lists every import)`,
  },
  undo_confirm: {
    zh: (p) => `将撤销第 ${p.n} 次导入（${p.at}，${p.files}${p.options ? `，${p.options}` : ''}）：${p.changes}；撤销后数据库逐行恢复到这次导入之前`,
    en: (p) =>
      `this reverts import ${p.n} (${p.at}, ${p.files}${p.options ? `, ${p.options}` : ''}): ${p.changes}; the database is then, row for row, as before it`,
  },
  undo_question: { zh: () => `确认撤销吗？输入 y 确认，直接回车取消：`, en: () => `Revert it? Type y to confirm, Enter to cancel: ` },
  undo_cancelled: { zh: () => `已取消，数据库未改动`, en: () => `cancelled; the database is unchanged` },
  undo_changed: {
    zh: (p) => `确认期间数据库有了新的导入（最近一次已不是第 ${p.n} 次），未撤销；请重新执行 cxzy undo`,
    en: (p) => `another import landed while you were asked (the latest is no longer import ${p.n}); nothing was undone: run cxzy undo again`,
  },
  h_undo_yes: {
    zh: () => `不询问，直接撤销（在终端上 undo 会先列出要撤销的内容并询问）`,
    en: () => `do not ask (on a terminal undo shows what it reverts and asks first)`,
  },
  undo_ok: {
    zh: (p) => `已撤销第 ${p.n} 次导入（${p.at}，${p.files} 个文件）；数据库已恢复到这次导入之前`,
    en: (p) => `undid import ${p.n} (${p.at}, ${p.files} file(s)); the database is as it was before it`,
  },
  undo_deleted: {
    zh: () => `撤掉新增`,
    en: () => `taken out`,
  },
  undo_reverted: {
    zh: () => `改回原值`,
    en: () => `reverted`,
  },
  undo_restored: {
    zh: () => `恢复删除`,
    en: () => `restored`,
  },
};
