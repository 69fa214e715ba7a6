/**
 * Customers: ~25 per rep, spread over the four sales regions in proportion to their teams.
 * Type codes (docs/demo.md): enterprise 大客户, smb 中小企业, government 政府, education 教育.
 */
import {
  CITIES,
  CUSTOMER_REGIONS,
  type CustomerRegion,
  type CustomerType,
  customerName,
  uniqueName,
} from './names.ts';
import type { Team } from './org.ts';
import type { Random } from './random.ts';
import type { CustomerRecord } from './types.ts';

export const CUSTOMER_TYPES: readonly CustomerType[] = ['enterprise', 'smb', 'government', 'education'];

export interface Customer {
  readonly id: string;
  readonly type: CustomerType;
  readonly region: CustomerRegion;
}

/** Deal size relative to an smb deal, and how slowly each type pays (政府/教育 pay late). */
export const TYPE_PROFILE: Readonly<
  Record<CustomerType, { share: number; dealSize: number; payLagDays: [number, number] }>
> = {
  enterprise: { share: 0.15, dealSize: 2.4, payLagDays: [10, 75] },
  smb: { share: 0.6, dealSize: 0.75, payLagDays: [0, 40] },
  government: { share: 0.12, dealSize: 1.8, payLagDays: [30, 120] },
  education: { share: 0.13, dealSize: 1.1, payLagDays: [20, 100] },
};

export interface CustomerBook {
  readonly records: CustomerRecord[];
  readonly all: readonly Customer[];
  readonly byId: ReadonlyMap<string, Customer>;
  readonly byRegion: ReadonlyMap<CustomerRegion, readonly Customer[]>;
}

export function generateCustomers(random: Random, count: number, teams: readonly Team[]): CustomerBook {
  const regionWeights = CUSTOMER_REGIONS.map(
    (region) => teams.filter((t) => t.region.customerRegion === region).length,
  );
  const typeWeights = CUSTOMER_TYPES.map((type) => TYPE_PROFILE[type].share);
  const used = new Set<string>();
  const records: CustomerRecord[] = [];
  const all: Customer[] = [];
  const byRegion = new Map<CustomerRegion, Customer[]>(CUSTOMER_REGIONS.map((r) => [r, []]));
  for (let i = 0; i < count; i++) {
    const id = `C${String(i + 1).padStart(5, '0')}`;
    const region = random.weighted(CUSTOMER_REGIONS, regionWeights);
    const type = random.weighted(CUSTOMER_TYPES, typeWeights);
    const name = uniqueName(customerName(random, type, random.pick(CITIES[region])), used, random);
    const customer: Customer = { id, type, region };
    records.push({ id, name, type, region });
    all.push(customer);
    byRegion.get(region)?.push(customer);
  }
  return { records, all, byId: new Map(all.map((c) => [c.id, c])), byRegion };
}

/** A customer of the region, now and then one from elsewhere (national accounts, referrals). */
export function pickCustomerNear(random: Random, book: CustomerBook, region: CustomerRegion): Customer {
  const pool = random.chance(0.08) ? book.all : (book.byRegion.get(region) ?? book.all);
  return random.pick(pool.length > 0 ? pool : book.all);
}
