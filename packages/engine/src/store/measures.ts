/**
 * The additive measures the fact store keeps per credited person × day (contract §5's table
 * reduced to sums and counts), grouped in three cubes so that sparse kinds (surveys,
 * opportunities) cost no memory on the days only orders happen.
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

/** Activity cube: one count per §2 activity type, plus the total. */
export const ACTIVITY_TYPES = ['visit', 'call', 'email', 'demo', 'proposal', 'other'] as const;
export const ACTIVITY = { total: ACTIVITY_TYPES.length, width: ACTIVITY_TYPES.length + 1 } as const;

/** Everything else: leads, complaints, surveys, opportunities. */
export const MISC = {
  leads: 0,
  complaints: 1,
  npsResponses: 2,
  npsPromoters: 3,
  npsDetractors: 4,
  csatCount: 5,
  csatSum: 6,
  /** Opportunities by closed_on: closed, won, Σ(closed_on − created_on) of the won. */
  oppClosed: 7,
  oppWon: 8,
  oppWonCycleDays: 9,
  /** Pipeline as two running sums: amount by created_on minus amount by closed_on. */
  oppOpenedAmount: 10,
  oppClosedAmount: 11,
  /** Leads with a converted_on, by created_on (lead_conversion_rate subtracts those converted after A). */
  leadsConverted: 12,
  width: 13,
} as const;
