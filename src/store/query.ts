// Reads for the analyses: typed records out of the store, through the same
// table definitions the import writes with.
import type { DB } from './db.js';
import { TABLES } from './tables.js';
import type { Member, Org, Pledge, Points, Report, Review, Typical } from '../model.js';

type Row = Record<string, unknown>;

export class Query {
  /** Each read is made once per run: grade, stars and report ask for the same orgs, members and reports. */
  private readonly memo = new Map<string, unknown[]>();

  constructor(private readonly db: DB) {}

  private rows(sql: string, ...params: unknown[]): Row[] {
    return this.db.prepare(sql).all(...params) as Row[];
  }

  private once<T>(key: string, read: () => T[]): T[] {
    let v = this.memo.get(key) as T[] | undefined;
    if (!v) this.memo.set(key, (v = read()));
    return v;
  }

  orgs(): Org[] {
    return this.once('orgs', () => this.rows('SELECT * FROM orgs ORDER BY code').map(TABLES.orgs.fromRow));
  }

  members(): Member[] {
    return this.once('members', () => this.rows('SELECT * FROM members ORDER BY id').map(TABLES.members.fromRow));
  }

  reviews(period: string): Review[] {
    return this.once(`reviews ${period}`, () => this.rows('SELECT * FROM reviews WHERE period = ? ORDER BY org', period).map(TABLES.reviews.fromRow));
  }

  /** Reviews of any period whose commentary is dated from `since` to `until`. */
  commentaries(since: string, until: string): Review[] {
    return this.once(`commentaries ${since} ${until}`, () =>
      this.rows('SELECT * FROM reviews WHERE commentary_date BETWEEN ? AND ? ORDER BY org, period', since, until).map(TABLES.reviews.fromRow),
    );
  }

  /** Org pledges due by `date`: the only ones that can be overdue then. */
  orgPledgesDueBy(date: string): Pledge[] {
    return this.once(`orgPledges ${date}`, () =>
      this.rows('SELECT * FROM pledges WHERE due <= ? AND owner_org IS NOT NULL ORDER BY id', date).map(TABLES.pledges.fromRow),
    );
  }

  pledges(): Pledge[] {
    return this.once('pledges', () => this.rows('SELECT * FROM pledges ORDER BY id').map(TABLES.pledges.fromRow));
  }

  points(period: string): Points[] {
    return this.once(`points ${period}`, () => this.rows('SELECT * FROM points WHERE period = ? ORDER BY member', period).map(TABLES.points.fromRow));
  }

  pointsCount(period: string): number {
    return this.db.prepare('SELECT COUNT(*) FROM points WHERE period = ?').pluck().get(period) as number;
  }

  reports(period: string): Report[] {
    return this.once(`reports ${period}`, () => this.rows('SELECT * FROM reports WHERE period = ? ORDER BY org, date, key', period).map(TABLES.reports.fromRow));
  }

  typicals(period: string): Typical[] {
    return this.once(`typicals ${period}`, () => this.rows('SELECT * FROM typicals WHERE period = ? ORDER BY org, date, key', period).map(TABLES.typicals.fromRow));
  }

  reviewPeriods(): string[] {
    return this.db.prepare('SELECT DISTINCT period FROM reviews ORDER BY period').pluck().all() as string[];
  }

  reportMonths(): string[] {
    return this.db.prepare('SELECT DISTINCT month FROM reports ORDER BY month').pluck().all() as string[];
  }

  reportPeriods(): string[] {
    return this.db.prepare('SELECT DISTINCT period FROM reports ORDER BY period').pluck().all() as string[];
  }
}
