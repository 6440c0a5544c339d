// The database schema, as migrations: MIGRATIONS[v] takes a database from
// user_version v to v+1. Never edit a released migration; append a new one.
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE orgs (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('committee', 'branch')),
    parent TEXT REFERENCES orgs(code) DEFERRABLE INITIALLY DEFERRED,
    category TEXT NOT NULL,
    secretary TEXT,
    active INTEGER NOT NULL,
    src_file TEXT NOT NULL,
    src_line INTEGER NOT NULL
  );
  CREATE INDEX orgs_parent ON orgs(parent);

  CREATE TABLE members (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    org TEXT NOT NULL REFERENCES orgs(code) DEFERRABLE INITIALLY DEFERRED,
    role TEXT NOT NULL,
    active INTEGER NOT NULL,
    src_file TEXT NOT NULL,
    src_line INTEGER NOT NULL
  );
  CREATE INDEX members_org ON members(org);

  CREATE TABLE pledges (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    owner_org TEXT REFERENCES orgs(code) DEFERRABLE INITIALLY DEFERRED,
    owner_member TEXT REFERENCES members(id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL,
    standard TEXT NOT NULL,
    content TEXT NOT NULL,
    made TEXT NOT NULL,
    due TEXT NOT NULL,
    status TEXT NOT NULL,
    fulfilled TEXT,
    eval_satisfied INTEGER,
    eval_basic INTEGER,
    eval_unsatisfied INTEGER,
    src_file TEXT NOT NULL,
    src_line INTEGER NOT NULL,
    CHECK ((owner_org IS NULL) <> (owner_member IS NULL))
  );
  CREATE INDEX pledges_owner ON pledges(owner);
  CREATE INDEX pledges_due ON pledges(due);

  CREATE TABLE reviews (
    org TEXT NOT NULL REFERENCES orgs(code) DEFERRABLE INITIALLY DEFERRED,
    period TEXT NOT NULL,
    self REAL NOT NULL,
    masses_satisfied INTEGER NOT NULL,
    masses_basic INTEGER NOT NULL,
    masses_unsatisfied INTEGER NOT NULL,
    superior REAL NOT NULL,
    grade TEXT,
    reason TEXT,
    commentary_date TEXT,
    commentary_by TEXT,
    commentary_text TEXT,
    src_file TEXT NOT NULL,
    src_line INTEGER NOT NULL,
    PRIMARY KEY (org, period)
  ) WITHOUT ROWID;
  CREATE INDEX reviews_period ON reviews(period);

  CREATE TABLE points (
    member TEXT NOT NULL REFERENCES members(id) DEFERRABLE INITIALLY DEFERRED,
    period TEXT NOT NULL,
    study REAL NOT NULL,
    excel REAL NOT NULL,
    service REAL NOT NULL,
    discipline REAL NOT NULL,
    integrity REAL NOT NULL,
    deductions TEXT NOT NULL,
    masses_satisfied INTEGER,
    masses_basic INTEGER,
    masses_unsatisfied INTEGER,
    src_file TEXT NOT NULL,
    src_line INTEGER NOT NULL,
    PRIMARY KEY (member, period)
  ) WITHOUT ROWID;
  CREATE INDEX points_period ON points(period);

  CREATE TABLE reports (
    key TEXT PRIMARY KEY,
    id TEXT,
    org TEXT NOT NULL REFERENCES orgs(code) DEFERRABLE INITIALLY DEFERRED,
    date TEXT NOT NULL,
    month TEXT NOT NULL,
    period TEXT NOT NULL,
    title TEXT NOT NULL,
    adopted TEXT NOT NULL,
    src_file TEXT NOT NULL,
    src_line INTEGER NOT NULL
  );
  CREATE INDEX reports_period ON reports(period);
  CREATE INDEX reports_org_month ON reports(org, month, title);
  CREATE INDEX reports_month ON reports(month);

  CREATE TABLE typicals (
    key TEXT PRIMARY KEY,
    id TEXT,
    org TEXT NOT NULL REFERENCES orgs(code) DEFERRABLE INITIALLY DEFERRED,
    date TEXT NOT NULL,
    period TEXT NOT NULL,
    title TEXT NOT NULL,
    src_file TEXT NOT NULL,
    src_line INTEGER NOT NULL
  );
  CREATE INDEX typicals_period ON typicals(period);
  `,
  // 2: the fast import. `gen` marks the rows an import wrote, so a second
  // record with the same identity in one batch is caught as it is written;
  // `files` remembers each imported file's hash, so an unchanged file is not
  // read again.
  `
  ALTER TABLE orgs ADD COLUMN gen INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE members ADD COLUMN gen INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE pledges ADD COLUMN gen INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE reviews ADD COLUMN gen INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE points ADD COLUMN gen INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE reports ADD COLUMN gen INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE typicals ADD COLUMN gen INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
  INSERT INTO meta VALUES ('gen', 0);
  CREATE TABLE files (
    path TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    rules TEXT NOT NULL,
    summary TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 3: the sheet a workbook's record came from; import history and undo; and
  // names looked up by their parent or org (a second code for one name is a
  // warning). Every import that writes is recorded in
  // `imports` (its number is the `gen` its rows carry); for each table an
  // import changes, `history_<table>` keeps every row the import replaced or
  // removed, whole and with its own column types, tagged with the import's
  // number: what `cxzy undo` puts back.
  `
  ALTER TABLE orgs ADD COLUMN src_sheet TEXT;
  ALTER TABLE members ADD COLUMN src_sheet TEXT;
  ALTER TABLE pledges ADD COLUMN src_sheet TEXT;
  ALTER TABLE reviews ADD COLUMN src_sheet TEXT;
  ALTER TABLE points ADD COLUMN src_sheet TEXT;
  ALTER TABLE reports ADD COLUMN src_sheet TEXT;
  ALTER TABLE typicals ADD COLUMN src_sheet TEXT;
  CREATE TABLE imports (
    n INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    files TEXT NOT NULL,
    counts TEXT NOT NULL,
    options TEXT NOT NULL,
    undone TEXT
  );
  ${['orgs', 'members', 'pledges', 'reviews', 'points', 'reports', 'typicals', 'files']
    .map(
      (t) => `CREATE TABLE history_${t} AS SELECT 0 AS import, '' AS action, * FROM ${t} WHERE 0;
  CREATE INDEX history_${t}_import ON history_${t}(import);`,
    )
    .join('\n  ')}
  DROP INDEX orgs_parent;
  CREATE INDEX orgs_parent ON orgs(parent, name);
  DROP INDEX members_org;
  CREATE INDEX members_org ON members(org, name);
  `,
  // 4: the rectification ledger (问题台账). A problem's rechecks (回头看) are a
  // JSON list in its row, as a points record's deductions are; `period` is the
  // quarter it was found in, which --replace works by.
  `
  CREATE TABLE problems (
    id TEXT PRIMARY KEY,
    org TEXT NOT NULL REFERENCES orgs(code) DEFERRABLE INITIALLY DEFERRED,
    found TEXT NOT NULL,
    period TEXT NOT NULL,
    source TEXT NOT NULL,
    pledge TEXT REFERENCES pledges(id) DEFERRABLE INITIALLY DEFERRED,
    content TEXT NOT NULL,
    measures TEXT NOT NULL,
    owner TEXT NOT NULL,
    due TEXT NOT NULL,
    status TEXT NOT NULL,
    resolved TEXT,
    closed TEXT,
    eval_satisfied INTEGER,
    eval_basic INTEGER,
    eval_unsatisfied INTEGER,
    published TEXT,
    rechecks TEXT NOT NULL,
    src_file TEXT NOT NULL,
    src_line INTEGER NOT NULL,
    src_sheet TEXT,
    gen INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX problems_org ON problems(org, period);
  CREATE INDEX problems_period ON problems(period);
  CREATE TABLE history_problems AS SELECT 0 AS import, '' AS action, * FROM problems WHERE 0;
  CREATE INDEX history_problems_import ON history_problems(import);
  `,
  // 5: a member's branch, role and active flag per quarter (SPEC §1 members),
  // and what each file submitted. `member_statements` holds the records as
  // files state them, each from its quarter (`since`, '' from the start);
  // `members` is made from them: one row per run of quarters with one state,
  // `since` (inclusive, '' from the start) to `until` (exclusive, '~' open),
  // which every analysis of a quarter reads. Points and pledges no longer
  // name `members(id)` as a foreign key (a member has a row per run; the
  // checks vouch for every reference). `submissions` keeps, per org, section
  // and quarter or month, the files that brought its records (SPEC §3
  // Submissions); `meta.id` names the database for a city's merge.
  `
  CREATE TABLE member_statements (
    id TEXT NOT NULL,
    since TEXT NOT NULL,
    name TEXT NOT NULL,
    org TEXT NOT NULL,
    role TEXT NOT NULL,
    active INTEGER NOT NULL,
    src_file TEXT NOT NULL,
    src_line INTEGER NOT NULL,
    src_sheet TEXT,
    gen INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (id, since)
  );
  CREATE INDEX member_statements_org ON member_statements(org, name);
  INSERT INTO member_statements (id, since, name, org, role, active, src_file, src_line, src_sheet, gen)
    SELECT id, '', name, org, role, active, src_file, src_line, src_sheet, gen FROM members;
  CREATE TABLE history_member_statements AS SELECT 0 AS import, '' AS action, * FROM member_statements WHERE 0;
  INSERT INTO history_member_statements (import, action, id, since, name, org, role, active, src_file, src_line, src_sheet, gen)
    SELECT import, action, id, '', name, org, role, active, src_file, src_line, src_sheet, gen FROM history_members;
  CREATE INDEX history_member_statements_import ON history_member_statements(import);

  CREATE TABLE member_runs (
    id TEXT NOT NULL,
    since TEXT NOT NULL,
    until TEXT NOT NULL,
    name TEXT NOT NULL,
    org TEXT NOT NULL,
    role TEXT NOT NULL,
    active INTEGER NOT NULL,
    src_file TEXT NOT NULL,
    src_line INTEGER NOT NULL,
    src_sheet TEXT,
    gen INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (id, since)
  ) WITHOUT ROWID;
  INSERT INTO member_runs SELECT id, '', '~', name, org, role, active, src_file, src_line, src_sheet, gen FROM members;
  CREATE TABLE history_runs AS SELECT 0 AS import, '' AS action, * FROM member_runs WHERE 0;
  INSERT INTO history_runs SELECT import, action, id, '', '~', name, org, role, active, src_file, src_line, src_sheet, gen FROM history_members;
  DROP TABLE history_members;
  ALTER TABLE history_runs RENAME TO history_members;
  CREATE INDEX history_members_import ON history_members(import);
  DROP TABLE members;
  ALTER TABLE member_runs RENAME TO members;
  CREATE INDEX members_org ON members(org, name);

  CREATE TABLE points_new (
    member TEXT NOT NULL,
    period TEXT NOT NULL,
    study REAL NOT NULL,
    excel REAL NOT NULL,
    service REAL NOT NULL,
    discipline REAL NOT NULL,
    integrity REAL NOT NULL,
    deductions TEXT NOT NULL,
    masses_satisfied INTEGER,
    masses_basic INTEGER,
    masses_unsatisfied INTEGER,
    src_file TEXT NOT NULL,
    src_line INTEGER NOT NULL,
    gen INTEGER NOT NULL DEFAULT 0,
    src_sheet TEXT,
    PRIMARY KEY (member, period)
  ) WITHOUT ROWID;
  INSERT INTO points_new SELECT member, period, study, excel, service, discipline, integrity, deductions, masses_satisfied, masses_basic,
    masses_unsatisfied, src_file, src_line, gen, src_sheet FROM points;
  DROP TABLE points;
  ALTER TABLE points_new RENAME TO points;
  CREATE INDEX points_period ON points(period);

  CREATE TABLE pledges_new (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    owner_org TEXT REFERENCES orgs(code) DEFERRABLE INITIALLY DEFERRED,
    owner_member TEXT,
    kind TEXT NOT NULL,
    standard TEXT NOT NULL,
    content TEXT NOT NULL,
    made TEXT NOT NULL,
    due TEXT NOT NULL,
    status TEXT NOT NULL,
    fulfilled TEXT,
    eval_satisfied INTEGER,
    eval_basic INTEGER,
    eval_unsatisfied INTEGER,
    src_file TEXT NOT NULL,
    src_line INTEGER NOT NULL,
    gen INTEGER NOT NULL DEFAULT 0,
    src_sheet TEXT,
    CHECK ((owner_org IS NULL) <> (owner_member IS NULL))
  );
  INSERT INTO pledges_new (rowid, id, owner, owner_org, owner_member, kind, standard, content, made, due, status, fulfilled, eval_satisfied,
    eval_basic, eval_unsatisfied, src_file, src_line, gen, src_sheet)
    SELECT rowid, id, owner, owner_org, owner_member, kind, standard, content, made, due, status, fulfilled, eval_satisfied, eval_basic,
    eval_unsatisfied, src_file, src_line, gen, src_sheet FROM pledges;
  DROP TABLE pledges;
  ALTER TABLE pledges_new RENAME TO pledges;
  CREATE INDEX pledges_owner ON pledges(owner);
  CREATE INDEX pledges_due ON pledges(due);

  CREATE TABLE submissions (
    section TEXT NOT NULL,
    span TEXT NOT NULL,
    org TEXT NOT NULL,
    file TEXT NOT NULL,
    hash TEXT NOT NULL,
    at TEXT NOT NULL,
    gen INTEGER NOT NULL,
    PRIMARY KEY (section, span, org, file)
  ) WITHOUT ROWID;
  CREATE INDEX submissions_file ON submissions(file);
  CREATE TABLE history_submissions AS SELECT 0 AS import, '' AS action, * FROM submissions WHERE 0;
  CREATE INDEX history_submissions_import ON history_submissions(import);
  -- What the files imported so far submitted, as their rows say (a database from before submissions were kept).
  INSERT OR IGNORE INTO submissions SELECT s.section, s.span, s.org, s.src_file, COALESCE(f.hash, ''), COALESCE(i.at, ''), s.gen FROM (
    SELECT 'reviews' AS section, period AS span, org, src_file, MAX(gen) AS gen FROM reviews GROUP BY 1, 2, 3, 4
    UNION ALL SELECT 'points', p.period, m.org, p.src_file, MAX(p.gen) FROM points p JOIN members m ON m.id = p.member GROUP BY 1, 2, 3, 4
    UNION ALL SELECT 'reports', month, org, src_file, MAX(gen) FROM reports GROUP BY 1, 2, 3, 4
    UNION ALL SELECT 'typicals', substr(date, 1, 7), org, src_file, MAX(gen) FROM typicals GROUP BY 1, 2, 3, 4
    UNION ALL SELECT 'problems', period, org, src_file, MAX(gen) FROM problems GROUP BY 1, 2, 3, 4
  ) s LEFT JOIN files f ON f.path = s.src_file LEFT JOIN imports i ON i.n = s.gen;
  INSERT INTO meta VALUES ('id', 'cxzy-' || lower(hex(randomblob(16))));
  -- The numbers the office's supervision notices (督办通知单) were issued under, per prefix and year:
  -- never issued twice, and a problem's notice issued again keeps its number. Not undone: the paper is out.
  CREATE TABLE notice_numbers (
    prefix TEXT NOT NULL,
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    problem TEXT NOT NULL,
    date TEXT NOT NULL,
    PRIMARY KEY (prefix, year, number),
    UNIQUE (prefix, year, problem)
  ) WITHOUT ROWID;
  `,
];
