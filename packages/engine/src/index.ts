export * from './base-metrics.ts';
export { diffCloses, type FieldChange, type PersonChange } from './close/close-diff.ts';
export * from './close/close-types.ts';
export {
  type ClosePhase,
  type CloseProgress,
  type CloseStepOptions,
  closeSteps,
  computeClose,
  DEFAULT_CHUNK_SIZE,
  finishSteps,
  runClose,
  type WhatIf,
} from './close/compute-close.ts';
export { estimatePay, type PayEstimate } from './close/estimate-pay.ts';
export {
  EXPLAIN_CODES,
  type ExplainCode,
  type ExplainLine,
  type ExplainParam,
  type ExplainParams,
  explainLine,
  renderExplainLine,
} from './close/explain-lines.ts';
export * from './compute-metrics.ts';
export * from './credit-split.ts';
export * from './dates.ts';
export * from './forecast.ts';
export * from './metric-key.ts';
export * from './metric-names.ts';
export * from './metrics-report.ts';
export * from './money.ts';
export * from './org-chart.ts';
export * from './period-navigation.ts';
export * from './periods.ts';
export { CONTRACT_EXAMPLE_PLAN } from './plan/contract-example.ts';
export { canonicalDecimal, type DecimalText, roundYuanToFen } from './plan/decimal.ts';
export { formatPlan, planToFile } from './plan/format-plan.ts';
export { parsePlan } from './plan/parse-plan.ts';
export { type PlanChange, planDiff } from './plan/plan-diff.ts';
export type * from './plan/plan-types.ts';
export * from './report-format.ts';
export { collectSums, type SumsQuery } from './store/collect-sums.ts';
export * from './store/credited-orders.ts';
export * from './store/fact-store.ts';
export type * from './store/facts.ts';
export { listScopeMembers, type Scope, type ScopeMember } from './store/scope.ts';
export type { Sums } from './store/sums.ts';
