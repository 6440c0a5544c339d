// The quarter's loop in the browser: drop the branches' files (kept in the
// inbox, checked as `validate` checks them), send back the marked copies,
// import them with the choices `import` has, undo the latest import. Each
// request that writes carries the token its page was served with and an
// Origin of this server; one import or undo runs at a time.
import { timingSafeEqual } from 'node:crypto';
import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { DataError, EnvError, UsageError } from '../core/errors.js';
import type { Rules } from '../core/rules.js';
import { distinctFileNames } from '../core/file-names.js';
import { importFiles, validateFiles, type DbRef, type ImportOptions, type IngestResult } from '../pipeline/pipeline.js';
import { importSkipping, type LeftOut } from '../pipeline/skip.js';
import { isWorkbook } from '../read/read.js';
import { annotateXlsx } from '../render/views/annotate.js';
import { undoPreview, undoView } from '../render/views/history.js';
import type { Doc } from '../render/doc.js';
import { t, tm, type Lang } from '../render/i18n/index.js';
import { escapeHtml } from '../render/formats/svg.js';
import { openDb } from '../store/db.js';
import { latestImport, undoLatest } from '../store/history.js';
import { Inbox, type Receipt } from './archive.js';
import { receive, readForm, type Body } from './upload.js';
import { Lines } from './lines.js';
import { backLinks, dropForm, dropReport, dropsList, importForm, importReport, resubmitters, undoForm, type ImportChoice } from './intake-html.js';

/** What a server that writes keeps: its token, its inbox, and whether an import or undo is running. */
export interface Writer {
  token: string;
  inbox: Inbox;
  busy: boolean;
}

export interface IntakeCtx {
  db: DbRef;
  lang: Lang;
  rules: Rules;
  /** The Host headers of this server: an Origin must name one of them. */
  hosts: ReadonlySet<string>;
  /** Null: serve --read-only. */
  writer: Writer | null;
}

export interface IntakeReq {
  method: string;
  path: string;
  params: URLSearchParams;
  origin: string | undefined;
  body: Body | undefined;
}

/** An intake page, a file to download, a document (the undo's), or the address to go to. */
export type IntakeOut =
  | { kind: 'html'; status?: number; title: string; html: string }
  /** A page sent as it is made: the import's progress, then what it did. */
  | { kind: 'stream'; title: string; parts: AsyncIterable<string> }
  | { kind: 'doc'; title: string; doc: Doc }
  | { kind: 'file'; name: string; type: string; bytes: Buffer }
  | { kind: 'redirect'; to: string };

export const INTAKE_PATHS = new Set(['intake', 'intake/file', 'intake/copy', 'intake/copies.zip', 'import', 'undo']);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A forbidden request: 403 with its reason (a UsageError carries 400). */
export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly why: string,
  ) {
    super(why);
  }
}

export async function intake(c: IntakeCtx, req: IntakeReq): Promise<IntakeOut> {
  const w = c.writer;
  if (!['GET', 'HEAD', 'POST'].includes(req.method)) throw new Refused(405, t(c.lang, 'web_method', { method: req.method }));
  if (!w) throw new Refused(req.method === 'POST' ? 405 : 403, t(c.lang, 'web_view_only'));
  if (req.method === 'POST') {
    checkOrigin(c, req.origin);
    if (req.path === 'intake') return dropped(c, w, req);
    const form = await readForm(req.body!);
    checkToken(c, w, form.get('token'));
    if (req.path === 'import') return importing(c, w, form);
    if (req.path === 'undo') return exclusive(c, w, () => undone(c, form));
    throw new Refused(405, t(c.lang, 'web_method', { method: req.method }));
  }
  if (req.path === 'undo') return undoAsked(c, w);
  if (req.path === 'import') return { kind: 'redirect', to: 'intake' };
  const id = req.params.get('drop');
  if (id === null && req.path !== 'intake') throw new UsageError({ id: 'web_bad_param', params: { name: 'drop', value: '' } });
  if (id === null) return { kind: 'html', title: t(c.lang, 'web_intake'), html: `${dropForm(c.lang, w.token)}\n${dropsList(c.lang, w.inbox.list())}` };
  const r = receiptOf(w, id);
  if (req.path === 'intake/file') {
    const kept = keptOf(r, req.params.get('k'));
    return { kind: 'file', name: basename(kept.path), type: typeOf(kept.path), bytes: readFileSync(w.inbox.inside(kept.path)) };
  }
  const check = await validate(c, w, r, true);
  if (req.path === 'intake/copy') return copyOf(c, w, r, check, req.params.get('k'));
  if (req.path === 'intake/copies.zip') return copiesZip(c, w, r, check);
  const copies = r.files.map((k) => markable(check, k.path).length > 0);
  // Validate says a resubmission as a warning (import without a choice leaves it out), an import as an error.
  const resubmitted = resubmitters([...check.diags.errors, ...check.diags.warnings]);
  const choice: ImportChoice = { drop: r.id, mode: '', each: new Map(), skip: false };
  const html = `${dropReport(c.lang, r, check, copies)}\n${importForm(c.lang, w.token, choice, { resubmitted, invalid: check.diags.errorCount > 0 })}`;
  return { kind: 'html', title: t(c.lang, 'web_drop_at', { at: r.at.replace('T', ' ').slice(0, 19) }), html };
}

function checkOrigin(c: IntakeCtx, origin: string | undefined): void {
  let host: string | null = null;
  try {
    host = origin ? new URL(origin).host.toLowerCase() : null;
  } catch {
    host = null;
  }
  if (host === null || !c.hosts.has(host)) throw new Refused(403, t(c.lang, 'web_origin', { origin: origin ?? '-' }));
}

function checkToken(c: IntakeCtx, w: Writer, given: string | null): void {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(w.token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new Refused(403, t(c.lang, 'web_token'));
}

/** The one import or undo this server runs: taken, or refused while another holds it (never interleaved); the release it returns lets go. */
function lock(c: IntakeCtx, w: Writer): () => void {
  if (w.busy) throw new Refused(409, t(c.lang, 'web_busy'));
  w.busy = true;
  return () => {
    w.busy = false;
  };
}

/** `run` under the lock. */
async function exclusive(c: IntakeCtx, w: Writer, run: () => Promise<IntakeOut>): Promise<IntakeOut> {
  const release = lock(c, w);
  try {
    return await run();
  } finally {
    release();
  }
}

function receiptOf(w: Writer, id: string): Receipt {
  const r = w.inbox.receipt(id);
  if (!r) throw new DataError({ id: 'web_no_drop', params: { id } });
  return r;
}

/** A drop's files as import reads them (relative to the database's folder), each checked to be still in the inbox. */
const pathsOf = (w: Writer, r: Receipt) =>
  r.files.map((k) => {
    w.inbox.inside(k.path);
    return k.path;
  });

const ingestOpts = (w: Writer, allErrors: boolean) => ({ strict: false, cwd: w.inbox.base, env: process.env, allErrors });

/** The drop's files checked as `validate` checks them, against the database as it is now. */
function validate(c: IntakeCtx, w: Writer, r: Receipt, allErrors: boolean): Promise<IngestResult> {
  return validateFiles(pathsOf(w, r), c.db, c.rules, ingestOpts(w, allErrors));
}

/** A drop received: its files kept in their quarters' folders, its receipt written, and the page that checks them. */
async function dropped(c: IntakeCtx, w: Writer, req: IntakeReq): Promise<IntakeOut> {
  const { id, staging } = w.inbox.open();
  try {
    const got = await receive(req.body!, staging, Inbox.stagedName);
    checkToken(c, w, got.fields.get('token'));
    if (got.files.length === 0 && got.refused.length === 0) throw new UsageError({ id: 'web_drop_none' });
    // Where each file goes: the quarter it names (the latest, when it names several); a file that cannot be read, or
    // names none, goes with the drop's (a branch's corrected workbook beside the quarter's other files).
    const found = got.files.length
      ? await validateFiles(
          got.files.map((f) => f.staged),
          c.db,
          c.rules,
          ingestOpts(w, false),
        )
      : null;
    const named = [...(found?.quarters.values() ?? [])].flat().sort();
    w.inbox.file(id, got.files, got.refused, (staged) => found?.quarters.get(staged)?.at(-1) ?? named.at(-1) ?? null);
    return { kind: 'redirect', to: `intake?drop=${id}` };
  } finally {
    w.inbox.drop(id);
  }
}

/** The errors of `file` that a marked copy shows: a workbook's, at their cells. */
const markable = (check: IngestResult, file: string) => (isWorkbook(file) ? check.diags.errors.filter((d) => d.file === file && d.cell) : []);

/** File `k` of a drop, by its number in the receipt. */
function keptOf(r: Receipt, k: string | null): Receipt['files'][number] {
  const kept = /^\d{1,4}$/.test(k ?? '') ? r.files[Number(k)] : undefined;
  if (!kept) throw new UsageError({ id: 'web_bad_param', params: { name: 'k', value: k ?? '' } });
  return kept;
}

const typeOf = (path: string) => (isWorkbook(path) ? XLSX : 'application/yaml; charset=utf-8');

async function copyOf(c: IntakeCtx, w: Writer, r: Receipt, check: IngestResult, k: string | null): Promise<IntakeOut> {
  const kept = keptOf(r, k);
  const errors = markable(check, kept.path);
  if (!errors.length) throw new DataError({ id: 'annotate_none' });
  const copy = await annotateXlsx(w.inbox.inside(kept.path), errors, c.lang);
  return { kind: 'file', name: basename(kept.path), type: XLSX, bytes: copy.bytes };
}

/** Every marked copy of the drop in one zip, each under its own file name (the branch's, as it sent it). */
async function copiesZip(c: IntakeCtx, w: Writer, r: Receipt, check: IngestResult): Promise<IntakeOut> {
  const marked = r.files.filter((k) => markable(check, k.path).length > 0);
  if (!marked.length) throw new DataError({ id: 'annotate_none' });
  const names = distinctFileNames(
    marked.map((k) => basename(k.path, '.xlsx')),
    '.xlsx',
  );
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const [i, k] of marked.entries()) zip.file(names[i], (await annotateXlsx(w.inbox.inside(k.path), markable(check, k.path), c.lang)).bytes);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { kind: 'file', name: `${t(c.lang, 'web_file_h_copy')}-${r.id}.zip`, type: 'application/zip', bytes };
}

const modeOf = (v: string | null): ImportChoice['mode'] => (v === 'replace' || v === 'add' ? v : '');

/** The form's choices: for all resubmissions (`mode`), and per org (`org:CODE`). */
function choiceOf(drop: string, form: URLSearchParams): ImportChoice {
  const each = new Map<string, 'replace' | 'add'>();
  for (const [k, v] of form) {
    const mode = modeOf(v);
    if (k.startsWith('org:') && mode) each.set(k.slice(4), mode);
  }
  return { drop, mode: modeOf(form.get('mode')), each, skip: form.get('skip') === '1' };
}

/**
 * The import (or its dry run) of a drop's files, with the choices the form
 * made, sent as it runs: a line as each file is read (a city's batch takes
 * minutes), then what it did. The lock is taken before the page starts and
 * let go when the import has ended, whether or not the browser still listens.
 */
function importing(c: IntakeCtx, w: Writer, form: URLSearchParams): IntakeOut {
  const r = receiptOf(w, form.get('drop') ?? '');
  const choice = choiceOf(r.id, form);
  const dry = form.get('dry') !== '0';
  const paths = pathsOf(w, r);
  const release = lock(c, w);
  const lines = new Lines();
  const onFile = (done: number, total: number) => lines.push(`<p class="bar">${t(c.lang, 'web_progress', { done, total })}</p>\n`);
  const opts: ImportOptions = {
    ...ingestOpts(w, false),
    replace: choice.mode === 'replace',
    add: choice.mode === 'add',
    each: choice.each,
    org: null,
    dryRun: dry,
    onFile,
  };
  const run = (async () => {
    try {
      let result: IngestResult | null;
      let left: LeftOut[] = [];
      if (choice.skip) ({ result, left } = await importSkipping(paths, c.db, c.rules, opts));
      else result = await importFiles(paths, c.db, c.rules, opts);
      // After a dry run that holds, the same choices, to import for real.
      const again =
        dry && result && result.diags.errorCount === 0
          ? importForm(c.lang, w.token, choice, { resubmitted: resubmitters(result.diags.warnings), invalid: choice.skip })
          : '';
      lines.push(`${importReport(c.lang, result, left, dry)}\n${again}\n${backLinks(c.lang, r.id)}`);
    } catch (e) {
      // What stopped it (the database held by another import, a file gone from the inbox): said on the page, nothing written.
      const said =
        e instanceof UsageError || e instanceof DataError || e instanceof EnvError
          ? tm(c.lang, e.msg)
          : t(c.lang, 'web_error', { message: (e as Error).message });
      lines.push(`<p class="error">${escapeHtml(said)}</p>`);
    } finally {
      release();
      lines.end();
    }
  })();
  void run;
  return { kind: 'stream', title: dry ? t(c.lang, 'web_dry_title') : t(c.lang, 'web_import'), parts: lines };
}

/** The undo's confirmation, as the terminal asks it. */
function undoAsked(c: IntakeCtx, w: Writer): IntakeOut {
  const db = openDb(c.db.path, 'read', c.db.name);
  try {
    const entry = latestImport(db);
    if (!entry) throw new DataError({ id: 'undo_nothing' });
    return { kind: 'html', title: t(c.lang, 'web_undo'), html: undoForm(c.lang, w.token, entry.number, undoPreview(entry, c.lang)) };
  } finally {
    db.close();
  }
}

/** The latest import undone, if it is still the one the page showed. */
async function undone(c: IntakeCtx, form: URLSearchParams): Promise<IntakeOut> {
  const n = form.get('n') ?? '';
  if (!/^\d{1,9}$/.test(n)) throw new UsageError({ id: 'web_bad_param', params: { name: 'n', value: n } });
  const db = openDb(c.db.path, 'write', c.db.name);
  try {
    const done = undoLatest(db, Number(n));
    if (!done) throw new DataError({ id: 'undo_nothing' });
    return { kind: 'doc', title: t(c.lang, 'web_undone', { n }), doc: undoView(done.entry, done.counts, c.lang).doc() };
  } finally {
    db.close();
  }
}
