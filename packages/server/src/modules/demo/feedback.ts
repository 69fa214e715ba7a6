/**
 * Customer feedback: surveys (NPS 0–10, CSAT 1–5) and complaints (投诉). Scores follow the
 * rep's customer-care quality, and careless reps draw more complaints, so the scorecards'
 * 客户指标 tell reps apart.
 */
import { iso, type Month } from './calendar.ts';
import { type CustomerBook, pickCustomerNear } from './customers.ts';
import { type Rep, teamOn } from './org.ts';
import type { Random } from './random.ts';
import { numberInSequence, repMonths } from './schedule.ts';
import type { ComplaintRecord, SurveyRecord } from './types.ts';

const SURVEYS_PER_MONTH = 2;
const COMPLAINTS_PER_MONTH = 0.3;

interface Survey {
  id: string;
  readonly day: number;
  readonly rep: Rep;
  readonly customerId: string;
  readonly kind: 'nps' | 'csat';
  readonly score: number;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value)));

export function generateSurveys(
  random: Random,
  reps: readonly Rep[],
  months: readonly Month[],
  customers: CustomerBook,
  today: number,
): SurveyRecord[] {
  const surveys: Survey[] = [];
  for (const { rep, workdays, share } of repMonths(reps, months, today)) {
    if (workdays.length === 0) continue;
    for (let n = random.poisson(SURVEYS_PER_MONTH * share); n > 0; n--) {
      const day = random.pick(workdays);
      const customerId = pickCustomerNear(random, customers, teamOn(rep, day).region.customerRegion).id;
      const kind = random.chance(0.6) ? 'nps' : 'csat';
      const score =
        kind === 'nps'
          ? clamp(random.normal(6 + 3.8 * rep.quality, 1.6), 0, 10)
          : clamp(random.normal(2.8 + 2 * rep.quality, 0.7), 1, 5);
      surveys.push({ id: '', day, rep, customerId, kind, score });
    }
  }
  return numberInSequence(surveys, 'SV').map((s) => ({
    id: s.id,
    date: iso(s.day),
    rep_id: s.rep.id,
    customer_id: s.customerId,
    kind: s.kind,
    score: String(s.score),
  }));
}

interface Complaint {
  id: string;
  readonly day: number;
  readonly rep: Rep;
  readonly customerId: string;
  readonly resolved: number | null;
}

export function generateComplaints(
  random: Random,
  reps: readonly Rep[],
  months: readonly Month[],
  customers: CustomerBook,
  today: number,
): ComplaintRecord[] {
  const complaints: Complaint[] = [];
  for (const { rep, workdays, share } of repMonths(reps, months, today)) {
    if (workdays.length === 0) continue;
    for (let n = random.poisson(COMPLAINTS_PER_MONTH * share * (1.6 - rep.quality)); n > 0; n--) {
      const day = random.pick(workdays);
      const customerId = random.chance(0.9)
        ? pickCustomerNear(random, customers, teamOn(rep, day).region.customerRegion).id
        : '';
      const resolvedOn = day + random.int(1, 30);
      const resolved = resolvedOn <= today && random.chance(0.93) ? resolvedOn : null;
      complaints.push({ id: '', day, rep, customerId, resolved });
    }
  }
  return numberInSequence(complaints, 'CP').map((c) => ({
    id: c.id,
    date: iso(c.day),
    rep_id: c.rep.id,
    customer_id: c.customerId,
    resolved_on: c.resolved === null ? '' : iso(c.resolved),
  }));
}
