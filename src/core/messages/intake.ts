// The quarter's loop in the browser (收件, import, undo): each message with
// the parameters its text takes and both its texts. render/i18n/ puts them in
// its catalogue.
import { texts, type MessagesOf, type Scalar } from './types.js';

export const INTAKE_TEXTS = {
  h_serve_read_only: texts<{}>({ zh: () => '只查看，不能在网页上收件、导入或撤销', en: () => 'view only: no intake, import or undo in the browser' }),
  web_intake: texts<{}>({ zh: () => '收件', en: () => 'Intake' }),
  web_intake_hint: texts<{ inbox: Scalar }>({
    zh: (p) =>
      `选择各支部报来的工作簿（.xlsx）或 YAML 文件，或选一个文件夹，也可以把文件拖到框里；上传后先逐个检查，不会写入数据库。文件原样保存在数据库旁的“${p.inbox}”文件夹中，按季度分放，同名的另存，不会覆盖。`,
    en: (p) =>
      `Choose the branches' workbooks (.xlsx) or YAML files, or a folder, or drop files on the box; they are checked first, nothing is written to the database. Each is kept as sent in the folder "${p.inbox}" beside the database, by quarter; a file of the same name is kept under a new one, never over it.`,
  }),
  web_pick_files: texts<{}>({ zh: () => '选择文件（可多选，或拖到这里）', en: () => 'Files (several, or drop them here)' }),
  web_pick_folder: texts<{}>({ zh: () => '或选择文件夹', en: () => 'or a folder' }),
  web_send: texts<{}>({ zh: () => '上传并检查', en: () => 'Upload and check' }),
  web_drops: texts<{}>({ zh: () => '收件记录', en: () => 'Received' }),
  web_drop_at: texts<{ at: Scalar }>({ zh: (p) => `收件 ${p.at}`, en: (p) => `Received ${p.at}` }),
  web_drop_line: texts<{ files: Scalar; at: Scalar }>({ zh: (p) => `${p.at} 收到 ${p.files} 个文件`, en: (p) => `${p.files} files received ${p.at}` }),
  web_no_drops: texts<{}>({ zh: () => '还没有收过文件', en: () => 'nothing received yet' }),
  web_kept_as: texts<{ sent: Scalar; path: Scalar }>({
    zh: (p) => `已有同名文件：${p.sent} 另存为 ${p.path}`,
    en: (p) => `a file of that name was there: ${p.sent} kept as ${p.path}`,
  }),
  web_refused_type: texts<{ sent: Scalar }>({
    zh: (p) => `${p.sent} 不是 .xlsx 或 .yaml 文件，没有收下`,
    en: (p) => `${p.sent} is not an .xlsx or .yaml file: not taken`,
  }),
  web_refused_size: texts<{ sent: Scalar; mb: Scalar }>({
    zh: (p) => `${p.sent} 超过 ${p.mb} MB，没有收下`,
    en: (p) => `${p.sent} is larger than ${p.mb} MB: not taken`,
  }),
  web_drop_none: texts<{}>({ zh: () => '没有收到可以导入的文件', en: () => 'no file to import was received' }),
  web_file_ok: texts<{}>({ zh: () => '无错误', en: () => 'no errors' }),
  web_file_counts: texts<{ errors: Scalar; warnings: Scalar }>({
    zh: (p) => `${p.errors} 个错误，${p.warnings} 个提示`,
    en: (p) => `${p.errors} errors, ${p.warnings} warnings`,
  }),
  web_file_h: texts<{}>({ zh: () => '文件', en: () => 'file' }),
  web_file_h_kept: texts<{}>({ zh: () => '保存在', en: () => 'kept at' }),
  web_file_h_result: texts<{}>({ zh: () => '检查结果', en: () => 'checked' }),
  web_file_h_copy: texts<{}>({ zh: () => '退回用的批注副本', en: () => 'marked copy to send back' }),
  web_annotated: texts<{}>({ zh: () => '下载', en: () => 'download' }),
  web_annotated_all: texts<{ n: Scalar }>({ zh: (p) => `全部 ${p.n} 份批注副本（zip）`, en: (p) => `all ${p.n} marked copies (zip)` }),
  web_other_findings: texts<{}>({ zh: () => '涉及数据库中已有记录的问题', en: () => 'findings on stored records' }),
  web_check_ok: texts<{ files: Scalar; records: Scalar }>({
    zh: (p) => `${p.files} 个文件、${p.records} 条记录检查通过，可以导入`,
    en: (p) => `${p.files} files, ${p.records} records checked: ready to import`,
  }),
  web_check_failed: texts<{ errors: Scalar }>({
    zh: (p) => `共 ${p.errors} 个错误：改正后重新上传，或勾选“跳过有错误的文件”只导入其余的`,
    en: (p) => `${p.errors} errors: send the files back to be corrected, or tick "leave out files with errors" to import the rest`,
  }),
  web_cross_not_run: texts<{}>({
    zh: () => '文件本身有错误，跨文件的核对（重报、引用等）还没有做；改正或跳过这些文件后会再核对',
    en: () => 'the files have errors of their own, so the checks across files (resubmissions, references) have not run yet',
  }),
  web_import: texts<{}>({ zh: () => '导入', en: () => 'Import' }),
  web_resubmitted: texts<{}>({
    zh: () =>
      '这批文件中有重报（同一组织同一季度已经报过）：请选择用新报的替换原来的，还是作为补报追加，可以全部一样，也可以逐个支部选；可先“预演”看会改动什么',
    en: () =>
      'some files resubmit what an org sent for a quarter before: choose whether they replace it or add to it, for all or branch by branch; a dry run shows what would change',
  }),
  web_mode: texts<{}>({ zh: () => '重报的处理', en: () => 'Resubmissions' }),
  web_mode_none: texts<{}>({ zh: () => '逐个选择', en: () => 'one by one' }),
  web_mode_all: texts<{}>({ zh: () => '全部重报：', en: () => 'Every resubmission: ' }),
  web_mode_as_all: texts<{}>({ zh: () => '同上', en: () => 'as for all' }),
  web_mode_replace: texts<{}>({ zh: () => '替换原来报的（--replace）', en: () => 'replace what was sent (--replace)' }),
  web_mode_add: texts<{}>({ zh: () => '作为补报追加（--add）', en: () => 'add to it (--add)' }),
  web_skip_invalid: texts<{}>({
    zh: () => '跳过有错误的文件，导入其余的（--skip-invalid）',
    en: () => 'leave out files with errors, import the rest (--skip-invalid)',
  }),
  web_dry_run: texts<{}>({ zh: () => '预演（不写入）', en: () => 'Dry run (writes nothing)' }),
  web_do_import: texts<{}>({ zh: () => '导入数据库', en: () => 'Import into the database' }),
  web_dry_title: texts<{}>({ zh: () => '预演：导入将做的改动（尚未写入）', en: () => 'Dry run: what the import would change (nothing written)' }),
  web_imported: texts<{ n: Scalar; files: Scalar }>({
    zh: (p) => `已导入 ${p.files} 个文件，导入编号 ${p.n}；如有误，可在“导入记录”中撤销`,
    en: (p) => `${p.files} files imported as import ${p.n}; undo it from the log if it was wrong`,
  }),
  web_unchanged: texts<{}>({
    zh: () => '这些文件以前已导入且未改动，数据库没有变化',
    en: () => 'these files were imported before, unchanged: nothing changed',
  }),
  web_not_imported: texts<{ errors: Scalar }>({
    zh: (p) => `没有导入：共 ${p.errors} 个错误，数据库未作任何改动`,
    en: (p) => `nothing imported: ${p.errors} errors; the database is as it was`,
  }),
  web_left_out: texts<{ file: Scalar; n: Scalar }>({
    zh: (p) => `跳过 ${p.file}（${p.n} 个错误）`,
    en: (p) => `left out ${p.file} (${p.n} errors)`,
  }),
  web_progress: texts<{ done: Scalar; total: Scalar }>({ zh: (p) => `已读 ${p.done}/${p.total} 个文件`, en: (p) => `${p.done} of ${p.total} files read` }),
  web_back_to_drop: texts<{}>({ zh: () => '回到这次收件', en: () => 'Back to this intake' }),
  web_log_files: texts<{}>({
    zh: () => '网页上收下的文件原件和检查结果，在“收件”页按每次收件列出，可以下载',
    en: () => 'the files taken in on the intake page, as sent, and what their check found are listed there by drop, to download',
  }),
  web_undo: texts<{}>({ zh: () => '撤销最近一次导入', en: () => 'Undo the latest import' }),
  web_undo_button: texts<{ n: Scalar }>({ zh: (p) => `确认撤销第 ${p.n} 次导入`, en: (p) => `Undo import ${p.n}` }),
  web_undone: texts<{ n: Scalar }>({ zh: (p) => `已撤销第 ${p.n} 次导入`, en: (p) => `import ${p.n} undone` }),
  web_token: texts<{}>({
    zh: () => '这个请求没有本页面的凭据（可能是服务重启过）：请回到页面刷新后重新提交',
    en: () => 'this request lacks the page’s token (the server may have restarted): reload the page and send it again',
  }),
  web_origin: texts<{ origin: Scalar }>({
    zh: (p) => `拒绝：请求来自 ${p.origin}，只接受本机这个网页提交的表单`,
    en: (p) => `refused: the request came from ${p.origin}; only this page's own forms are accepted`,
  }),
  web_view_only: texts<{}>({
    zh: () => '这个网页以只读方式打开（serve --read-only），不能收件、导入或撤销',
    en: () => 'this view was started read-only (serve --read-only): no intake, import or undo',
  }),
  web_busy: texts<{}>({
    zh: () => '另一个导入或撤销正在进行：请等它完成后再提交',
    en: () => 'another import or undo is running: send this again once it has finished',
  }),
  web_no_drop: texts<{ id: Scalar }>({ zh: (p) => `没有编号为 ${p.id} 的收件`, en: (p) => `no intake ${p.id}` }),
  web_drop_moved: texts<{ path: Scalar }>({
    zh: (p) => `收件箱中找不到 ${p.path}（已被移走或改名）`,
    en: (p) => `${p.path} is no longer in the inbox (moved or renamed)`,
  }),
  web_bad_form: texts<{}>({ zh: () => '表单不对：请用本页面上的表单提交', en: () => 'not a form of this page: use the page to send it' }),
  web_form_too_big: texts<{}>({ zh: () => '表单太大', en: () => 'the form is too large' }),
  web_drop_too_big: texts<{ mb: Scalar }>({
    zh: (p) => `一次上传的文件合计超过 ${p.mb} MB，没有收下：请分几次上传`,
    en: (p) => `the files sent at once exceed ${p.mb} MB and were not taken: send them in parts`,
  }),
  web_drop_too_many: texts<{ n: Scalar }>({
    zh: (p) => `一次上传超过 ${p.n} 个文件，没有收下：请分几次上传`,
    en: (p) => `more than ${p.n} files sent at once were not taken: send them in parts`,
  }),
  web_writable: texts<{ db: Scalar }>({ zh: (p) => `数据库 ${p.db}`, en: (p) => `database ${p.db}` }),
};

export type IntakeMessages = MessagesOf<typeof INTAKE_TEXTS>;
