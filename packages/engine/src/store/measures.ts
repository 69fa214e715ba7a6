/**
 * The additive measures the fact store keeps per credited person × day (contract §5's table
 * reduced to sums and counts), grouped in one cube per kind of fact so that a day holds buckets
 * only for the kinds that happened on it (a day with a lead costs three Int32s, not a bucket of
 * every measure: issue 5, memory).
 */

/** Sales cube: orders and payments, in fen and counts. */
export const SALES = {
  revenue: 0,
  cost: 1,
  /** Orders whose whole amount is > 0, once per credited rep (contract §5 `orders`). */
  orders: 2,
  /** First orders ever, once per rep credited with them (contract §5 `new_customers`). */
  newCustomers: 3,
  collected: 4,
  width: 5,
} as const;

/**
 * Activity cube: one count per §2 activity type; a type outside the list counts as `other`
 * (only the total, `activities`, reads it). The total is the sum of the six, not a seventh
 * measure (issue 5, memory).
 */
export const ACTIVITY_TYPES = ['visit', 'call', 'email', 'demo', 'proposal', 'other'] as const;
export const ACTIVITY = { other: ACTIVITY_TYPES.length - 1, width: ACTIVITY_TYPES.length } as const;

/** Leads and complaints: counts only (two bytes a measure while they fit: day-cube.ts). */
export const LEADS = {
  leads: 0,
  /** Leads with a converted_on, by created_on (lead_conversion_rate subtracts those converted after A). */
  leadsConverted: 1,
  complaints: 2,
  width: 3,
} as const;

/** Surveys (contract §5 nps, csat): counts and a sum of scores, which may be fractional. */
export const SURVEYS = {
  npsResponses: 0,
  npsPromoters: 1,
  npsDetractors: 2,
  csatCount: 3,
  csatSum: 4,
  width: 5,
} as const;

/** Opportunities by closed_on: closed, won, Σ(closed_on − created_on) of the won; the pipeline in fen. */
export const OPPORTUNITIES = {
  closed: 0,
  won: 1,
  wonCycleDays: 2,
  /** Pipeline as two running sums: amount by created_on minus amount by closed_on. */
  openedAmount: 3,
  closedAmount: 4,
  width: 5,
} as const;
