import type { Adoption, Grade } from '../model.js';

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
}
