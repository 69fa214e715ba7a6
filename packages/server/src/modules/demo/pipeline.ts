/**
 * Leads (线索) and opportunities (商机). Better reps convert more leads and win more deals;
 * whatever would close after today is still open (closed_on and won empty), which is what
 * pipeline_value counts.
 */
import { fen, formatMoney } from '@attain/engine';
import { iso, type Month } from './calendar.ts';
import { type CustomerBook, pickCustomerNear } from './customers.ts';
import { type Rep, teamOn } from './org.ts';
import type { Random } from './random.ts';
import { numberInSequence, repMonths } from './schedule.ts';
import type { LeadRecord, OpportunityRecord } from './types.ts';

const LEADS_PER_MONTH = 4;
const OPPORTUNITIES_PER_MONTH = 2.5;
const SOURCES = ['官网咨询', '展会', '老客户转介绍', '电话营销', '渠道伙伴', '微信公众号', '搜索推广'];
const SOURCE_WEIGHTS = [20, 12, 18, 15, 14, 11, 10];

/** How good the rep is at closing, 0–1: skill 0.5 → 0, 1 → 0.4, 2 → 0.8. */
const closingPower = (rep: Rep) => Math.min(1, Math.max(0, 0.4 * Math.log2(rep.skill * 2)));

interface Lead {
  id: string;
  readonly day: number;
  readonly rep: Rep;
  readonly source: string;
  readonly converted: number | null;
}

export function generateLeads(
  random: Random,
  reps: readonly Rep[],
  months: readonly Month[],
  today: number,
): LeadRecord[] {
  const leads: Lead[] = [];
  for (const { rep, days, share } of repMonths(reps, months, today)) {
    const conversion = 0.12 + 0.25 * closingPower(rep);
    for (let n = random.poisson(LEADS_PER_MONTH * share * (0.8 + 0.2 * rep.skill)); n > 0; n--) {
      const day = random.pick(days);
      const convertedOn = day + random.int(3, 60);
      const converted = random.chance(conversion) && convertedOn <= today ? convertedOn : null;
      leads.push({ id: '', day, rep, source: random.weighted(SOURCES, SOURCE_WEIGHTS), converted });
    }
  }
  return numberInSequence(leads, 'LD').map((l) => ({
    id: l.id,
    created_on: iso(l.day),
    rep_id: l.rep.id,
    source: l.source,
    converted_on: l.converted === null ? '' : iso(l.converted),
  }));
}

interface Opportunity {
  id: string;
  readonly day: number;
  readonly rep: Rep;
  readonly customerId: string;
  readonly amount: number;
  readonly closed: number | null;
  readonly won: boolean;
}

export function generateOpportunities(
  random: Random,
  reps: readonly Rep[],
  months: readonly Month[],
  customers: CustomerBook,
  today: number,
): OpportunityRecord[] {
  const opportunities: Opportunity[] = [];
  for (const { rep, days, share } of repMonths(reps, months, today)) {
    const winRate = 0.2 + 0.35 * closingPower(rep);
    for (let n = random.poisson(OPPORTUNITIES_PER_MONTH * share); n > 0; n--) {
      const day = random.pick(days);
      const region = teamOn(rep, day).region.customerRegion;
      const customerId = random.chance(0.9) ? pickCustomerNear(random, customers, region).id : '';
      const yuan = Math.exp(random.normal(Math.log(120_000), 0.8)) * rep.skill ** 0.3;
      const amount = Math.max(5_000, Math.round(yuan / 1000) * 1000) * 100;
      // Still open when the close would fall after today (or after the rep left: the deal went with them).
      const closeDay = day + random.int(14, 150);
      const closed = closeDay <= today && (rep.leave === null || closeDay <= rep.leave) ? closeDay : null;
      opportunities.push({
        id: '',
        day,
        rep,
        customerId,
        amount,
        closed,
        won: closed !== null && random.chance(winRate),
      });
    }
  }
  return numberInSequence(opportunities, 'OP').map((o) => ({
    id: o.id,
    rep_id: o.rep.id,
    customer_id: o.customerId,
    created_on: iso(o.day),
    amount: formatMoney(fen(o.amount)),
    closed_on: o.closed === null ? '' : iso(o.closed),
    won: o.closed === null ? '' : String(o.won),
  }));
}
