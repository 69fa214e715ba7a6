/**
 * Split credit (业绩分成): about 5% of sales are won together with one or two colleagues of the
 * same team (or region) who worked on the deal that day. The shares of one order sum exactly to 1.
 */

import type { Sale } from './orders.ts';
import { isEmployed, type Rep, teamOn } from './org.ts';
import type { Random } from './random.ts';
import type { OrderCreditRecord } from './types.ts';

const SPLIT_RATE = 0.05;

/** Share patterns, the order's own rep first. Written as exact decimals that sum to 1. */
const TWO_WAY = [
  ['0.5', '0.5'],
  ['0.6', '0.4'],
  ['0.7', '0.3'],
] as const;
const THREE_WAY = [
  ['0.3333', '0.3333', '0.3334'],
  ['0.5', '0.3', '0.2'],
  ['0.4', '0.3', '0.3'],
] as const;

export function generateCredits(
  random: Random,
  sales: readonly Sale[],
  reps: readonly Rep[],
): OrderCreditRecord[] {
  const credits: OrderCreditRecord[] = [];
  for (const sale of sales) {
    if (!random.chance(SPLIT_RATE)) continue;
    const partners = colleaguesOn(sale, reps);
    if (partners.length === 0) continue;
    const shares =
      partners.length >= 2 && random.chance(0.25) ? random.pick(THREE_WAY) : random.pick(TWO_WAY);
    const team = [sale.rep, ...random.shuffle(partners).slice(0, shares.length - 1)];
    shares.forEach((share, i) => {
      credits.push({ order_id: sale.id, rep_id: (team[i] as Rep).id, share });
    });
  }
  return credits;
}

/** Other reps employed on the sale's day in the seller's team, else in the seller's region. */
function colleaguesOn(sale: Sale, reps: readonly Rep[]): Rep[] {
  const team = teamOn(sale.rep, sale.day);
  const working = reps.filter((r) => r !== sale.rep && isEmployed(r, sale.day));
  const sameTeam = working.filter((r) => teamOn(r, sale.day) === team);
  return sameTeam.length > 0 ? sameTeam : working.filter((r) => teamOn(r, sale.day).region === team.region);
}
