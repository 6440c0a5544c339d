// A request to `cxzy serve` and its answer, apart from the socket: the tests
// call `answer` in process. The database is opened read-only for each request
// (an import in another window shows on the next load) and closed before the
// answer goes; nothing from the address reaches the file system.
import { EnvError, DataError, UsageError } from '../core/errors.js';
import { localTime } from '../core/dates.js';
import { statSync } from 'node:fs';
import type { Rules } from '../core/rules.js';
import { openDb, type DB } from '../store/db.js';
import { Query } from '../store/query.js';
import { OPEN } from '../store/member-runs.js';
import { render, renderAs, type FormatName, type Rendered } from '../render/formats/index.js';
import type { Doc } from '../render/doc.js';
import { t, tm, type Lang } from '../render/i18n/index.js';
import { pageHtml, CSP } from './layout.js';
import { PAGES, type Page, type PageCtx } from './pages.js';
import { askOf, askedRows, type Links } from './table.js';
import { NOTICES } from './notices.js';
import { intake, INTAKE_PATHS, Refused, type Writer } from './intake.js';
import type { Body } from './upload.js';

export interface App {
  dbPath: string;
  /** The database as the clerk named it. */
  dbName: string;
  lang: Lang;
  /** The rules in force, read again for each request (an edited rules file shows on the next load). */
  rules: () => Rules;
  /** The Host headers accepted: the loopback address and port the server listens on (DNS rebinding). */
  hosts: ReadonlySet<string>;
  today?: () => string;
  /** Pages kept to answer again while nothing they rest on has changed (the server keeps one; none: every page made afresh). */
  cache?: Map<string, Reply>;
  /** The intake, import and undo (web/intake.ts); absent: serve --read-only. */
  writer?: Writer;
}

/** Pages a server keeps: a clerk clicking back and forth among a city's pages waits once for each. */
const CACHED_PAGES = 40;

/**
 * What a page rests on besides its address: the database file and its
 * write-ahead log as they stand (an import changes one or the other), the
 * rules in force, the day and the language. A page made under the same stamp
 * is the same page.
 */
function stamp(app: App, rules: Rules, today: string): string {
  const file = (p: string) => {
    const s = statSync(p, { throwIfNoEntry: false });
    return s ? `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}` : '-';
  };
  return `${file(app.dbPath)}|${file(`${app.dbPath}-wal`)}|${JSON.stringify(rules)}|${today}|${app.lang}`;
}

export interface Request {
  method: string;
  url: string;
  host: string | undefined;
  /** The Origin header: a request that writes must come from this server's own page. */
  origin?: string;
  body?: Body;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  /** Whole, or sent as it is made (an import's page: its progress, then what it did). */
  body: string | Buffer | AsyncIterable<string>;
}

const HTML = 'text/html; charset=utf-8';
// same-origin, not no-referrer: under no-referrer a browser posts the page's forms with `Origin: null`, which the writes refuse.
const SAFE = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin', 'Cache-Control': 'no-store' };

const TYPES: Partial<Record<FormatName, string>> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A file's name for Content-Disposition: its own in UTF-8, and a plain one for old clients. */
export function attachment(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  return `attachment; filename="cxzy${safe.slice(safe.lastIndexOf('.'))}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}

/** Which of the shown texts name a stored org or member: their pages' addresses. */
function linksOf(db: DB): Links {
  return (texts) => {
    const out = new Map<string, string>();
    const codes = [...new Set(texts)].filter((x) => /^[\w.-]{1,64}$/.test(x));
    for (let i = 0; i < codes.length; i += 500) {
      const part = codes.slice(i, i + 500);
      const marks = part.map(() => '?').join(',');
      for (const r of db.prepare(`SELECT code FROM orgs WHERE code IN (${marks})`).all(...part) as { code: string }[])
        out.set(r.code, `orgs?code=${encodeURIComponent(r.code)}`);
      for (const r of db.prepare(`SELECT id FROM members WHERE id IN (${marks}) AND until = '${OPEN}'`).all(...part) as { id: string }[])
        if (!out.has(r.id)) out.set(r.id, `member?id=${encodeURIComponent(r.id)}`);
    }
    return out;
  };
}

const page = (status: number, body: string): Reply => ({ status, headers: { ...SAFE, 'Content-Type': HTML }, body });

/** The answer to one request. */
export async function answer(app: App, req: Request): Promise<Reply> {
  const { lang } = app;
  if (req.host === undefined || !app.hosts.has(req.host.toLowerCase()))
    return {
      status: 421,
      headers: { ...SAFE, 'Content-Type': 'text/plain; charset=utf-8' },
      body: `${t(lang, 'web_refused_host', { host: req.host ?? '' })}\n`,
    };
  const url = new URL(req.url, 'http://localhost');
  const path = url.pathname.replace(/^\//, '');
  const frame = { lang, db: app.dbName, pages: PAGES, params: url.searchParams, search: url.searchParams.get('q') ?? '', writable: app.writer !== undefined };
  const error = (status: number, message: string) => page(status, pageHtml({ ...frame, page: null, title: t(lang, 'web_title'), body: { error: message } }));
  if (INTAKE_PATHS.has(path)) {
    try {
      return await intakeReply(app, req, url, path, frame);
    } catch (e) {
      if (e instanceof Refused) return error(e.status, e.why);
      return failed(e, lang, error);
    }
  }
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return { ...error(405, t(lang, 'web_method', { method: req.method })), headers: { ...SAFE, 'Content-Type': HTML, Allow: 'GET, HEAD' } };
  const notice = NOTICES[path];
  const found = PAGES.find((p) => p.path === path);
  if (!found && !notice) return error(404, t(lang, 'web_not_found', { path: `/${path}` }));
  let db: DB | null = null;
  let q: Query | null = null;
  let key: string | null = null;
  try {
    const rules = app.rules();
    const today = (app.today ?? (() => localTime().slice(0, 10)))();
    if (app.cache && !notice && !url.searchParams.has('format')) {
      key = `${stamp(app, rules, today)}|${req.url}`;
      const kept = app.cache.get(key);
      if (kept) return kept;
    }
    db = openDb(app.dbPath, 'read', app.dbName);
    q = new Query(db);
    const ctx: PageCtx = { db, q, rules, lang, params: url.searchParams, today, writable: app.writer !== undefined };
    if (notice) {
      const { name, doc } = notice(ctx);
      return {
        status: 200,
        headers: { ...SAFE, 'Content-Type': TYPES.docx!, 'Content-Disposition': attachment(name) },
        body: (await renderAs('docx', doc)) as Buffer,
      };
    }
    const reply = await pageReply(found!, ctx, frame, linksOf(db));
    if (key !== null && reply.status === 200 && app.cache) {
      app.cache.set(key, reply);
      // The oldest page goes first (a Map keeps the order of insertion).
      for (const old of app.cache.keys()) {
        if (app.cache.size <= CACHED_PAGES) break;
        app.cache.delete(old);
      }
    }
    return reply;
  } catch (e) {
    return failed(e, lang, error);
  } finally {
    q?.close();
    db?.close();
  }
}

/** A failure as its page: the address's mistake (400), what the data lacks (404), what the machine refused (503), else a 500 that says what. */
function failed(e: unknown, lang: Lang, error: (status: number, message: string) => Reply): Reply {
  if (e instanceof UsageError) return error(400, tm(lang, e.msg));
  if (e instanceof DataError) return error(404, tm(lang, e.msg));
  if (e instanceof EnvError) return error(503, tm(lang, e.msg));
  return error(500, t(lang, 'web_error', { message: (e as Error).message }));
}

type FrameOf = Omit<Parameters<typeof pageHtml>[0], 'page' | 'title' | 'body'>;

/** The intake's pages and actions (web/intake.ts) as replies. */
async function intakeReply(app: App, req: Request, url: URL, path: string, frame: FrameOf): Promise<Reply> {
  const out = await intake(
    { db: { path: app.dbPath, name: app.dbName }, lang: app.lang, rules: app.rules(), hosts: app.hosts, writer: app.writer ?? null },
    { method: req.method, path, params: url.searchParams, origin: req.origin, body: req.body },
  );
  if (out.kind === 'redirect') return { status: 303, headers: { ...SAFE, Location: out.to, 'Content-Type': HTML }, body: '' };
  if (out.kind === 'file') return { status: 200, headers: { ...SAFE, 'Content-Type': out.type, 'Content-Disposition': attachment(out.name) }, body: out.bytes };
  if (out.kind === 'stream') {
    // The frame around a mark, the page's parts sent in its place as they come.
    const mark = '\u0000parts\u0000';
    const [before, after] = pageHtml({ ...frame, page: null, path, title: out.title, body: { html: mark } }).split(mark);
    const parts = out.parts;
    return {
      status: 200,
      headers: { ...SAFE, 'Content-Type': HTML },
      body: (async function* () {
        yield before;
        yield* parts;
        yield after;
      })(),
    };
  }
  const body = out.kind === 'html' ? { html: out.html } : { doc: out.doc, links: () => new Map<string, string>(), bare: true };
  return page(out.kind === 'html' ? (out.status ?? 200) : 200, pageHtml({ ...frame, page: null, path, title: out.title, body }));
}

async function pageReply(p: Page, ctx: PageCtx, frame: FrameOf, links: Links): Promise<Reply> {
  const out = p.make(ctx);
  if (out.redirect) return { status: 303, headers: { ...SAFE, Location: out.redirect, 'Content-Type': HTML }, body: '' };
  const format = ctx.params.get('format');
  const name = (ext: string) => `${out.title}.${ext}`;
  if (format === 'json')
    return {
      status: 200,
      headers: { ...SAFE, 'Content-Type': TYPES.json!, 'Content-Disposition': attachment(name('json')) },
      body: await text(render('json', out.view)),
    };
  if (format === 'csv' || format === 'xlsx') {
    const k = Number(ctx.params.get('t') ?? 0);
    const doc = out.view.doc();
    const tables = doc.sections.flatMap((s) => s.parts.flatMap((x) => (x.kind === 'table' ? [x.table] : [])));
    const tb = tables[k];
    if (!tb) throw new UsageError({ id: 'web_bad_param', params: { name: 't', value: String(ctx.params.get('t')) } });
    // The table as the page has it sorted and filtered, every row.
    const one: Doc = {
      lang: ctx.lang,
      title: out.title,
      sections: [
        {
          id: 'table',
          title: tb.caption ?? out.title,
          parts: [{ kind: 'table', table: { ...tb, rows: askedRows([...tb.rows], tb.headers.length, askOf(ctx.params, k)) } }],
        },
      ],
    };
    const body = await render(format, { ...out.view, doc: () => one });
    return {
      status: 200,
      headers: { ...SAFE, 'Content-Type': TYPES[format]!, 'Content-Disposition': attachment(name(format)) },
      body: Buffer.isBuffer(body) ? body : await text(body),
    };
  }
  if (format !== null) throw new UsageError({ id: 'web_bad_param', params: { name: 'format', value: format } });
  const html = pageHtml({
    ...frame,
    page: p,
    title: out.title,
    choices: out.choices,
    notices: out.notices,
    actions: out.actions,
    note: out.note,
    body: { doc: out.view.doc(), links },
  });
  return page(200, html);
}

async function text(r: Rendered | Promise<Rendered>): Promise<string> {
  const v = await r;
  if (typeof v === 'string') return v;
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  let s = '';
  for (const piece of v) s += piece;
  return s;
}
