/**
 * The raw sums and counts behind contract §5's metrics for one scope and window — what a
 * metric's explanation shows ("revenue 1234.50 over 3 orders").
 */
export interface Sums {
  /** Window actually counted: [start, min(end, A)] as ISO dates; from > to when empty. */
  revenue: number;
  cost: number;
  orders: number;
  newCustomers: number;
  newCustomerRevenue: number;
  collected: number;
  visits: number;
  calls: number;
  emails: number;
  demos: number;
  proposals: number;
  activities: number;
  leads: number;
  leadsConverted: number;
  complaints: number;
  npsResponses: number;
  npsPromoters: number;
  npsDetractors: number;
  csatCount: number;
  csatSum: number;
  oppClosed: number;
  oppWon: number;
  oppWonCycleDays: number;
  pipeline: number;
}

export function emptySums(): Sums {
  return {
    revenue: 0,
    cost: 0,
    orders: 0,
    newCustomers: 0,
    newCustomerRevenue: 0,
    collected: 0,
    visits: 0,
    calls: 0,
    emails: 0,
    demos: 0,
    proposals: 0,
    activities: 0,
    leads: 0,
    leadsConverted: 0,
    complaints: 0,
    npsResponses: 0,
    npsPromoters: 0,
    npsDetractors: 0,
    csatCount: 0,
    csatSum: 0,
    oppClosed: 0,
    oppWon: 0,
    oppWonCycleDays: 0,
    pipeline: 0,
  };
}

/** The parts of a query that cost more than cube lookups, computed only when asked for. */
export interface SumsNeeds {
  readonly newCustomerRevenue: boolean;
  readonly leadConversion: boolean;
  readonly pipeline: boolean;
}

export const ALL_NEEDS: SumsNeeds = { newCustomerRevenue: true, leadConversion: true, pipeline: true };
