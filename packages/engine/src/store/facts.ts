/**
 * The facts the store accepts: contract §2's rows, already validated and typed by the caller
 * (dates `YYYY-MM-DD`, money in fen). Each is upserted by its id (contract §1: re-import upserts).
 */
import type { Fen } from '../money.ts';

export interface OrderFact {
  readonly id: string;
  readonly date: string;
  readonly repId: string;
  readonly customerId: string;
  readonly productId: string;
  /** May be negative: a return. */
  readonly amount: Fen;
  /** Absent cost counts as 0 in gross_margin_rate. */
  readonly cost?: Fen | null;
}

export interface PaymentFact {
  readonly id: string;
  readonly date: string;
  readonly orderId: string;
  readonly amount: Fen;
}

export interface ActivityFact {
  readonly id: string;
  readonly date: string;
  readonly repId: string;
  /** visit, call, email, demo, proposal, other; anything else counts only in `activities`. */
  readonly type: string;
}

export interface LeadFact {
  readonly id: string;
  readonly createdOn: string;
  readonly repId: string;
  readonly convertedOn?: string | null;
}

export interface OpportunityFact {
  readonly id: string;
  readonly repId: string;
  readonly createdOn: string;
  readonly amount: Fen;
  readonly closedOn?: string | null;
  readonly won?: boolean | null;
}

export interface SurveyFact {
  readonly id: string;
  readonly date: string;
  readonly repId: string;
  /** `nps` (0–10) or `csat` (1–5); other kinds are kept but feed no metric. */
  readonly kind: string;
  readonly score: number;
}

export interface ComplaintFact {
  readonly id: string;
  readonly date: string;
  readonly repId: string;
}

export interface ProductFact {
  readonly id: string;
  readonly line: string;
}

export interface CustomerFact {
  readonly id: string;
  readonly type?: string | null;
  readonly region?: string | null;
}
