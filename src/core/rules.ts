// The rules of SPEC §2: their shape, and the built-in values number for number.
// A rules file (read/rules.ts) overrides any of them.
import type { Adoption, Grade } from './model.js';

export type Action = 'consolidate' | 'push' | 'rectify';

export interface Level {
  grade: Grade;
  /** Lowest composite for this level; absent on the last level, which takes everything below. */
  min?: number;
}

export interface ShareRule {
  grade: Grade;
  max?: number;
  min?: number;
}

export interface Rules {
  grading: {
    weights: { self: number; masses: number; superior: number };
    vote_scores: { satisfied: number; basic: number; unsatisfied: number };
    levels: Level[];
    caps: {
      satisfaction: { below: number; max: Grade };
      overdue_pledge: { max: Grade };
      /** Off unless a rules file sets it: a supervised problem at the period's end caps the grade. */
      open_problem?: { max: Grade };
    };
    commentary_days: number;
    actions: Partial<Record<Grade, Action>>;
    shares: ShareRule[];
  };
  stars: {
    max_points: number;
    star_min: number;
    red_star: { stars: number; satisfaction: number };
    benchmark: { grade: Grade; red_star_share: number };
    flag_committee: { good_share: number; excluded_grades: Grade[]; min_typicals: number };
  };
  quota: {
    reports_per_month: number;
    typicals_per_quarter: number;
    points: Record<Adoption, number>;
  };
  pledges: {
    min_length: number;
    stock_share: number;
    stock_phrases: string[];
  };
  /** The year's review and its award candidates (年度评议与表彰). */
  annual: {
    min_graded_quarters: number;
    benchmark_quarters: number;
    months_met: number;
    red_star_quarters: number;
    worker_points_quarters: number;
    worker_min_stars: number;
    max_share: number;
    publicity_days: number;
  };
  /** The rectification ledger (问题台账). */
  ledger: { supervise_after_days: number; report_within_days: number };
  /** Who issues the bulletin and how its notice is addressed (SPEC §3 Office settings); unset, the notice names a generic office and area, and report says so. */
  office: {
    name?: string;
    area?: string;
    number_prefix?: string;
    /** The area's code, for merge --prefix. */
    code?: string;
    /** 主送; default 各基层党组织. */
    addressee?: string;
    /** 抄送, in the 版记. */
    cc?: string[];
    /** 印发机关, in the 版记; default `name`. */
    printer?: string;
    /** The text of 工作要求, replacing the default. */
    requirements?: string;
  };
}

/** The built-in rules: SPEC §2, number for number. */
export function defaultRules(): Rules {
  return {
    grading: {
      weights: { self: 0.2, masses: 0.3, superior: 0.5 },
      vote_scores: { satisfied: 100, basic: 60, unsatisfied: 0 },
      levels: [{ grade: 'good', min: 90 }, { grade: 'fair', min: 80 }, { grade: 'average' }],
      caps: {
        satisfaction: { below: 0.9, max: 'average' },
        overdue_pledge: { max: 'fair' },
      },
      commentary_days: 183,
      actions: { good: 'consolidate', fair: 'push', average: 'push', poor: 'rectify' },
      shares: [],
    },
    stars: {
      max_points: 20,
      star_min: 18,
      red_star: { stars: 5, satisfaction: 0.9 },
      benchmark: { grade: 'good', red_star_share: 0.3 },
      flag_committee: { good_share: 0.6, excluded_grades: ['average', 'poor'], min_typicals: 1 },
    },
    quota: {
      reports_per_month: 3,
      typicals_per_quarter: 1,
      points: { none: 1, county: 5, city: 10, province: 20, central: 40 },
    },
    pledges: {
      min_length: 12,
      stock_share: 0.5,
      stock_phrases: ['进一步', '切实', '大力', '努力', '积极', '全面', '不断', '认真', '着力', '扎实'],
    },
    annual: {
      min_graded_quarters: 3,
      benchmark_quarters: 2,
      months_met: 10,
      red_star_quarters: 3,
      worker_points_quarters: 3,
      worker_min_stars: 4,
      max_share: 0.1,
      publicity_days: 5,
    },
    ledger: { supervise_after_days: 30, report_within_days: 15 },
    office: {},
  };
}
