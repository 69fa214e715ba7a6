/**
 * The records of the demo company, one interface per entity of contract §2 with the canonical
 * column names of modules/entities. Every cell is text, exactly as a CSV export from a CRM would
 * hold it: money '12800.00', dates 'YYYY-MM-DD', won 'true'/'false', '' for an empty cell.
 */
import type { EntityName } from '../entities/entities.ts';

export interface UnitRecord {
  id: string;
  name: string;
  parent_id: string;
  kind: string;
}
export interface PersonRecord {
  id: string;
  name: string;
  email: string;
  unit_id: string;
  role: string;
  title: string;
  hire_date: string;
  leave_date: string;
  manager_id: string;
}
export interface UnitMoveRecord {
  person_id: string;
  unit_id: string;
  effective_from: string;
}
export interface ProductRecord {
  id: string;
  name: string;
  line: string;
}
export interface CustomerRecord {
  id: string;
  name: string;
  type: string;
  region: string;
}
export interface OrderRecord {
  id: string;
  date: string;
  rep_id: string;
  customer_id: string;
  product_id: string;
  amount: string;
  cost: string;
}
export interface OrderCreditRecord {
  order_id: string;
  rep_id: string;
  share: string;
}
export interface PaymentRecord {
  id: string;
  date: string;
  order_id: string;
  amount: string;
}
export interface ActivityRecord {
  id: string;
  date: string;
  rep_id: string;
  type: string;
  customer_id: string;
}
export interface LeadRecord {
  id: string;
  created_on: string;
  rep_id: string;
  source: string;
  converted_on: string;
}
export interface OpportunityRecord {
  id: string;
  rep_id: string;
  customer_id: string;
  created_on: string;
  amount: string;
  closed_on: string;
  won: string;
}
export interface SurveyRecord {
  id: string;
  date: string;
  rep_id: string;
  customer_id: string;
  kind: string;
  score: string;
}
export interface ComplaintRecord {
  id: string;
  date: string;
  rep_id: string;
  customer_id: string;
  resolved_on: string;
}
export interface GoalRecord {
  period: string;
  scope: string;
  metric: string;
  value: string;
  product_line: string;
  customer_type: string;
  region: string;
  floor: string;
  stretch: string;
}

/** The whole demo company, keyed by entity: what the loader hands to the import service. */
export interface DemoCompany {
  units: UnitRecord[];
  people: PersonRecord[];
  unit_moves: UnitMoveRecord[];
  products: ProductRecord[];
  customers: CustomerRecord[];
  orders: OrderRecord[];
  order_credits: OrderCreditRecord[];
  payments: PaymentRecord[];
  activities: ActivityRecord[];
  leads: LeadRecord[];
  opportunities: OpportunityRecord[];
  surveys: SurveyRecord[];
  complaints: ComplaintRecord[];
  goals: GoalRecord[];
}

// Compile-time check that DemoCompany has exactly one list per entity.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const DEMO_COVERS_EVERY_ENTITY: Exact<keyof DemoCompany, EntityName> = true;

/** How big the company is: the full demo, or a small one for tests. */
export interface DemoSize {
  /** Number of sales reps (S0001…); teams and managers stay the same. */
  readonly reps: number;
  /** Months of history up to today (the current, partial month included). */
  readonly months: number;
}

export const FULL_SIZE: DemoSize = Object.freeze({ reps: 120, months: 24 });

export interface DemoOptions {
  readonly seed: number;
  /** The current date, 'YYYY-MM-DD': the generator never reads the clock. */
  readonly today: string;
  readonly size?: DemoSize;
}
