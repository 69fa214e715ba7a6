/**
 * Row types of every table, as Kysely sees them (one place instead of one *.table.ts per
 * table: the tables are plain mirrors of contract §2, and the entity registry in
 * modules/entities describes their columns for import, templates and browsing).
 * Money columns hold integer fen; dates ISO text; booleans 0/1.
 */
import type { Generated } from 'kysely';

export interface UnitsTable {
  id: string;
  name: string;
  parent_id: string | null;
  kind: string | null;
  /** Revision of the last write (0003_revisions): the fact store's change feed. */
  rev: Generated<number>;
}

export interface PeopleTable {
  id: string;
  name: string;
  email: string | null;
  unit_id: string;
  role: string;
  title: string | null;
  hire_date: string;
  leave_date: string | null;
  manager_id: string | null;
  /** Revision of the last write (0003_revisions): the fact store's change feed. */
  rev: Generated<number>;
}

export interface UnitMovesTable {
  person_id: string;
  unit_id: string;
  effective_from: string;
  /** Revision of the last write (0003_revisions): the fact store's change feed. */
  rev: Generated<number>;
}

export interface ProductsTable {
  id: string;
  name: string;
  line: string;
  /** Revision of the last write (0003_revisions): the fact store's change feed. */
  rev: Generated<number>;
}

export interface CustomersTable {
  id: string;
  name: string;
  type: string | null;
  region: string | null;
  /** Revision of the last write (0003_revisions): the fact store's change feed. */
  rev: Generated<number>;
}

export interface OrdersTable {
  id: string;
  date: string;
  rep_id: string;
  customer_id: string;
  product_id: string;
  amount: number;
  cost: number | null;
  /** Revision of the last write (0003_revisions): the fact store's change feed. */
  rev: Generated<number>;
}

export interface OrderCreditsTable {
  order_id: string;
  rep_id: string;
  share: string;
  /** Revision of the last write (0003_revisions): the fact store's change feed. */
  rev: Generated<number>;
}

export interface PaymentsTable {
  id: string;
  date: string;
  order_id: string;
  amount: number;
  /** Revision of the last write (0003_revisions): the fact store's change feed. */
  rev: Generated<number>;
}

export interface ActivitiesTable {
  id: string;
  date: string;
  rep_id: string;
  type: string;
  customer_id: string | null;
  /** Revision of the last write (0003_revisions): the fact store's change feed. */
  rev: Generated<number>;
}

export interface LeadsTable {
  id: string;
  created_on: string;
  rep_id: string;
  source: string | null;
  converted_on: string | null;
  /** Revision of the last write (0003_revisions): the fact store's change feed. */
  rev: Generated<number>;
}

export interface OpportunitiesTable {
  id: string;
  rep_id: string;
  customer_id: string | null;
  created_on: string;
  amount: number;
  closed_on: string | null;
  won: number | null;
  /** Revision of the last write (0003_revisions): the fact store's change feed. */
  rev: Generated<number>;
}

export interface SurveysTable {
  id: string;
  date: string;
  rep_id: string;
  customer_id: string | null;
  kind: string;
  score: number;
  /** Revision of the last write (0003_revisions): the fact store's change feed. */
  rev: Generated<number>;
}

export interface ComplaintsTable {
  id: string;
  date: string;
  rep_id: string;
  customer_id: string | null;
  resolved_on: string | null;
  /** Revision of the last write (0003_revisions): the fact store's change feed. */
  rev: Generated<number>;
}

export interface GoalsTable {
  goal_key: string;
  period: string;
  scope: string;
  metric: string;
  value: string;
  product_line: string | null;
  customer_type: string | null;
  region: string | null;
  floor: string | null;
  stretch: string | null;
}

export interface UsersTable {
  id: string;
  login: string;
  person_id: string | null;
  role: string;
  display_name: string;
  password_hash: string;
  disabled: Generated<number>;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  detail: string | null;
}

/** One row: this database's random id (0005_database_instance), for caches kept outside it. */
export interface DatabaseInstanceTable {
  id: string;
  created_at: string;
}

/** A failed sign-in, for the login rate limit (0006; modules/auth/login-limiter.ts). */
export interface LoginFailuresTable {
  /** `login:<login>` or `ip:<client address>`. */
  key: string;
  at: string;
}

export interface RevisionsTable {
  id: Generated<number>;
  at: string;
  actor: string;
  entity: string;
}

export interface Database {
  units: UnitsTable;
  people: PeopleTable;
  unit_moves: UnitMovesTable;
  products: ProductsTable;
  customers: CustomersTable;
  orders: OrdersTable;
  order_credits: OrderCreditsTable;
  payments: PaymentsTable;
  activities: ActivitiesTable;
  leads: LeadsTable;
  opportunities: OpportunitiesTable;
  surveys: SurveysTable;
  complaints: ComplaintsTable;
  goals: GoalsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  goal_proposals: GoalProposalsTable;
  goal_proposal_events: GoalProposalEventsTable;
  goal_locks: GoalLocksTable;
  revisions: RevisionsTable;
  database_instance: DatabaseInstanceTable;
  login_failures: LoginFailuresTable;
  plan_versions: PlanVersionsTable;
  close_runs: CloseRunsTable;
  close_approvals: CloseApprovalsTable;
}

/** A bottom-up goal proposal (docs/goals.md); status proposed | returned | approved. */
export interface GoalProposalsTable {
  id: string;
  goal_key: string;
  period: string;
  scope: string;
  metric: string;
  product_line: string | null;
  customer_type: string | null;
  region: string | null;
  value: string;
  floor: string | null;
  stretch: string | null;
  status: string;
  proposed_by: string;
  proposer_person_id: string | null;
  created_at: string;
  updated_at: string;
}

/** One step of a proposal's history: proposed, returned or approved. */
export interface GoalProposalEventsTable {
  proposal_id: string;
  n: number;
  kind: string;
  actor: string;
  at: string;
  comment: string | null;
  value: string | null;
  floor: string | null;
  stretch: string | null;
}

/** A locked goal period: changes to goals inside it need a reason. */
export interface GoalLocksTable {
  period: string;
  locked_by: string;
  locked_at: string;
  reason: string | null;
}

/** One applied plan file (0004_plans_and_closes): the YAML as given and the parsed plan as JSON. */
export interface PlanVersionsTable {
  version: number;
  yaml: string;
  plan_json: string;
  applied_by: string;
  applied_at: string;
  note: string | null;
}

/** One close run: inputs, data fingerprint, approval state and full results (docs/pay.md). */
export interface CloseRunsTable {
  id: number;
  period: string;
  period_start: string;
  period_end: string;
  as_of: string;
  plan_version: number;
  data_revision: number;
  goals_hash: string;
  /** draft | manager_approved | finance_approved */
  state: string;
  created_by: string;
  created_at: string;
  reason: string | null;
  previous_id: number | null;
  /** `close --json` of the run (contract §7). */
  result_json: string;
  /** The engine's explanation beside it. */
  explain_json: string;
}

/** One approval of a close run: stage manager (with the approver's unit) or finance. */
export interface CloseApprovalsTable {
  close_id: number;
  n: number;
  stage: string;
  approver: string;
  approver_role: string;
  person_id: string | null;
  unit_id: string | null;
  at: string;
  comment: string | null;
}
