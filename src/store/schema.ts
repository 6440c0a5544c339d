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
];
