/**
 * A person's statement (issue 4): score and items, pay by component with its explanation lines,
 * what changed since the previous run, and what-if estimates — all read from a stored close run,
 * so the statement shows the very figures that were approved and paid.
 */
import { estimatePay, type PayEstimate, parseMoney } from '@attain/engine';
import { AppError, notFound } from '../../errors.ts';
import type { AppContext } from '../../http/context.ts';
import type { RequestScope } from '../access/request-scope.ts';
import type { Actor } from '../auth/actor.ts';
import { computeStoredPlanClose } from '../closes/close-run.service.ts';
import { canSeeCloseLine } from '../closes/close-scope.ts';
import type { CloseRun } from '../closes/closes.repository.ts';
import { closeRunDiff, liveCloseSources, type RunChoice, resolveCloseRun } from '../closes/closes.service.ts';

/** The run and the person's line in it; 404 when absent or out of the actor's scope (STYLE §7). */
export async function statementRun(
  ctx: AppContext,
  actor: Actor,
  access: RequestScope,
  personId: string,
  choice: RunChoice,
) {
  const run = await resolveCloseRun(ctx, choice);
  const line = run.json.people.find((p) => p.id === personId);
  if (!line || !canSeeCloseLine(actor, access.scope, line)) throw notFound(`statement of ${personId}`);
  const explain = run.explain.people[personId];
  if (!explain) throw notFound(`statement of ${personId}`);
  return { run, line, explain };
}

const DRILLABLE = new Set(['tiered_commission', 'bonus_pool']);

export async function buildStatement(
  ctx: AppContext,
  actor: Actor,
  access: RequestScope,
  personId: string,
  choice: RunChoice = {},
) {
  const { run, line, explain } = await statementRun(ctx, actor, access, personId, choice);
  const person = access.dir.people.get(personId);
  const { previous, changes } = await closeRunDiff(ctx, run);
  const base = `/api/v1/statements/${encodeURIComponent(personId)}/lines`;
  return {
    close: runHeader(run),
    person: {
      id: personId,
      name: person?.name ?? null,
      unitId: line.unit_id,
      unitName: line.unit_id ? (access.dir.units.get(line.unit_id)?.name ?? null) : null,
    },
    rule: explain.rule,
    score: line.score,
    grade: line.grade,
    rankInUnit: line.rank_in_unit,
    // `…Lines` are English; `…Structured` the same lines as codes and parameters (engine
    // explain-lines.ts), null for runs stored before they existed (the web then shows the English)
    scoreLines: explain.score.lines,
    scoreStructured: explain.score.structured ?? null,
    rankLines: explain.rank.lines,
    rankStructured: explain.rank.structured ?? null,
    items: line.items.map((item, i) => ({ ...item, explanation: explain.items[i] ?? null })),
    pay: line.pay.map((pay) => {
      const why = explain.pay.find((p) => p.component === pay.component);
      return {
        ...pay,
        type: why?.type ?? null,
        unrounded: why?.unrounded ?? null,
        lines: why?.lines ?? [],
        structured: why ? (why.structured ?? null) : [],
        eventCount: why?.events?.length ?? null,
        events:
          why && DRILLABLE.has(why.type)
            ? `${base}/${encodeURIComponent(pay.component)}/events?closeId=${run.id}`
            : null,
      };
    }),
    totalPay: line.total_pay,
    awards: line.awards,
    awardLines: explain.awards.lines,
    awardStructured: explain.awards.structured ?? null,
    promotionEligible: line.promotion_eligible,
    promotionLines: explain.promotion.lines,
    promotionStructured: explain.promotion.structured ?? null,
    sincePrevious: {
      previousId: previous?.id ?? null,
      change: changes.find((c) => c.id === personId) ?? null,
    },
  };
}

function runHeader(run: CloseRun) {
  return {
    id: run.id,
    period: run.period,
    start: run.start,
    end: run.end,
    asOf: run.asOf,
    state: run.state,
    planVersion: run.planVersion,
    createdAt: run.createdAt,
  };
}

/** Money deltas of the what-if request: yuan strings with at most 2 decimals → fen (contract §1). */
function deltasInFen(deltas: Readonly<Record<string, string>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, text] of Object.entries(deltas)) {
    const value = parseMoney(text);
    if (value === null) throw new AppError('validation_failed', `not an amount: ${text}`, `deltas.${key}`);
    out[key] = value;
  }
  return out;
}

/**
 * "If I add ¥X revenue / ¥Y collected, my pay becomes …" — the engine's estimatePay over the
 * same period, as-of date and plan version as the run, on the live data.
 */
export async function whatIf(
  ctx: AppContext,
  actor: Actor,
  access: RequestScope,
  personId: string,
  choice: RunChoice,
  deltas: Readonly<Record<string, string>>,
): Promise<PayEstimate & { closeId: number }> {
  const { run } = await statementRun(ctx, actor, access, personId, choice);
  const computed = await computeStoredPlanClose(await liveCloseSources(ctx), {
    period: run.period,
    asOf: run.asOf,
    planVersion: run.planVersion,
  });
  let estimate: PayEstimate;
  try {
    estimate = estimatePay(computed.input, personId, deltasInFen(deltas), computed.result);
  } catch (error) {
    // The engine names an unknown metric key or a bad number (what-if: …).
    if (error instanceof RangeError) throw new AppError('validation_failed', error.message, 'deltas');
    throw error;
  }
  return { closeId: run.id, ...estimate };
}
