/**
 * Sales activities (拜访、电话、邮件、演示、方案): about 14 per rep per month on working days.
 * Good reps are somewhat busier; newcomers make more calls while they build a pipeline.
 */
import type { Month } from './calendar.ts';
import { iso } from './calendar.ts';
import { type CustomerBook, pickCustomerNear } from './customers.ts';
import { type Rep, teamOn } from './org.ts';
import type { Random } from './random.ts';
import { numberInSequence, repMonths } from './schedule.ts';
import type { ActivityRecord } from './types.ts';

const ACTIVITIES_PER_MONTH = 14;
const TYPES = ['visit', 'call', 'email', 'demo', 'proposal', 'other'] as const;
const TYPE_WEIGHTS = [34, 30, 12, 8, 7, 9];
/** How often an activity of the type names a customer (a visit always does; "other" rarely). */
const WITH_CUSTOMER: Readonly<Record<(typeof TYPES)[number], number>> = {
  visit: 1,
  call: 0.85,
  email: 0.8,
  demo: 1,
  proposal: 1,
  other: 0.3,
};

interface Activity {
  id: string;
  readonly day: number;
  readonly rep: Rep;
  readonly type: (typeof TYPES)[number];
  readonly customerId: string;
}

export function generateActivities(
  random: Random,
  reps: readonly Rep[],
  months: readonly Month[],
  customers: CustomerBook,
  today: number,
): ActivityRecord[] {
  const activities: Activity[] = [];
  for (const { rep, workdays, share } of repMonths(reps, months, today)) {
    if (workdays.length === 0) continue;
    const diligence = 0.7 + 0.3 * Math.sqrt(rep.skill);
    for (let n = random.poisson(ACTIVITIES_PER_MONTH * diligence * share); n > 0; n--) {
      const day = random.pick(workdays);
      const type = random.weighted(TYPES, TYPE_WEIGHTS);
      const region = teamOn(rep, day).region.customerRegion;
      const customerId = random.chance(WITH_CUSTOMER[type])
        ? pickCustomerNear(random, customers, region).id
        : '';
      activities.push({ id: '', day, rep, type, customerId });
    }
  }
  return numberInSequence(activities, 'AC').map((a) => ({
    id: a.id,
    date: iso(a.day),
    rep_id: a.rep.id,
    type: a.type,
    customer_id: a.customerId,
  }));
}
