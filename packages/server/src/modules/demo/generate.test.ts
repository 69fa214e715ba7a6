import { isIsoDate, parseMoney } from '@attain/engine';
import { describe, expect, it } from 'vitest';
import { ENTITIES, ENTITY_NAMES } from '../entities/entities.ts';
import { generateDemoCompany } from './generate.ts';
import type { DemoCompany } from './types.ts';

const TODAY = '2026-11-23';
const company = generateDemoCompany({ seed: 1, today: TODAY });
const small = { reps: 12, months: 3 };

const fenOf = (text: string) => {
  const value = parseMoney(text);
  if (value === null) throw new Error(`not money: ${text}`);
  return value;
};
const rows = (c: DemoCompany) =>
  ENTITY_NAMES.flatMap((name) => (c[name] as object[]).map((row) => ({ name, row })));

describe('generateDemoCompany', () => {
  it('is the same for the same seed and today, and differs for another seed', () => {
    const a = generateDemoCompany({ seed: 7, today: TODAY, size: small });
    expect(generateDemoCompany({ seed: 7, today: TODAY, size: small })).toEqual(a);
    const b = generateDemoCompany({ seed: 8, today: TODAY, size: small });
    expect(b.orders).not.toEqual(a.orders);
    expect(b.people.map((p) => p.id)).toEqual(a.people.map((p) => p.id));
  });

  it('has the documented size', () => {
    expect(company.units).toHaveLength(1 + 2 + 4 + 12);
    expect(company.people.filter((p) => p.role === 'rep')).toHaveLength(120);
    expect(company.products.length).toBeGreaterThanOrEqual(18);
    expect(company.customers).toHaveLength(3000);
    expect(company.orders.length).toBeGreaterThan(40_000);
    expect(company.orders.length).toBeLessThan(70_000);
    expect(company.unit_moves.length).toBeGreaterThanOrEqual(5);
    expect(company.unit_moves.length).toBeLessThanOrEqual(8);
    for (const name of ENTITY_NAMES) expect(company[name].length, name).toBeGreaterThan(0);
  });

  it('keeps the fixed ids whatever the seed', () => {
    const people = new Map(company.people.map((p) => [p.id, p]));
    expect(people.get('A001')).toMatchObject({ role: 'admin', unit_id: 'HQ' });
    expect(people.get('H001')).toMatchObject({ role: 'hr', unit_id: 'HR' });
    expect(people.get('F001')).toMatchObject({ role: 'finance', unit_id: 'FIN' });
    expect(people.get('M100')).toMatchObject({ role: 'manager', unit_id: 'HQ', title: '销售副总裁' });
    ['R-EAST', 'R-NORTH', 'R-SOUTH', 'R-WEST'].forEach((region, i) => {
      expect(people.get(`M10${i + 1}`)).toMatchObject({
        role: 'manager',
        unit_id: region,
        manager_id: 'M100',
      });
    });
    expect(people.get('M111')).toMatchObject({ unit_id: 'T-EAST-1', manager_id: 'M101' });
    expect(people.get('S0001')).toMatchObject({
      role: 'rep',
      unit_id: 'T-EAST-1',
      manager_id: 'M111',
      leave_date: '',
    });
    expect(people.get('S0120')?.role).toBe('rep');
    const units = new Map(company.units.map((u) => [u.id, u]));
    expect(units.get('HQ')).toMatchObject({ kind: 'company', parent_id: '' });
    expect(units.get('T-EAST-1')).toMatchObject({ kind: 'team', parent_id: 'R-EAST' });
    expect(units.get('HR')).toMatchObject({ kind: 'other', parent_id: 'HQ' });
  });

  it('chains managers: rep → manager of the current team → region manager → M100', () => {
    const people = new Map(company.people.map((p) => [p.id, p]));
    const movedTo = new Map(company.unit_moves.map((m) => [m.person_id, m.unit_id]));
    const managerOf = new Map(
      company.people.filter((p) => p.role === 'manager').map((p) => [p.unit_id, p.id]),
    );
    for (const rep of company.people.filter((p) => p.role === 'rep')) {
      expect(rep.manager_id).toBe(managerOf.get(movedTo.get(rep.id) ?? rep.unit_id));
      const teamManager = people.get(rep.manager_id);
      expect(people.get(teamManager?.manager_id ?? '')?.manager_id).toBe('M100');
    }
  });

  it('uses the canonical columns of every entity and their formats', () => {
    const problems: string[] = [];
    for (const name of ENTITY_NAMES) {
      const columns = ENTITIES[name].columns;
      const expected = columns
        .map((c) => c.name)
        .sort()
        .join();
      for (const row of company[name] as unknown as Record<string, string>[]) {
        if (Object.keys(row).sort().join() !== expected) problems.push(`${name}: ${Object.keys(row)}`);
        for (const column of columns) {
          const value = row[column.name] ?? '';
          const wrong =
            value === ''
              ? column.required
              : (column.type === 'date' && !isIsoDate(value)) ||
                (column.type === 'money' && !/^-?\d+\.\d{2}$/.test(value)) ||
                (column.type === 'enum' && !column.values?.includes(value));
          if (wrong) problems.push(`${name}.${column.name} '${value}'`);
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('refers only to records that exist', () => {
    const ids = Object.fromEntries(
      ENTITY_NAMES.map((name) => [name, new Set((company[name] as { id?: string }[]).map((r) => r.id))]),
    );
    const dangling: string[] = [];
    for (const name of ENTITY_NAMES) {
      const references = ENTITIES[name].columns.filter((c) => c.references);
      for (const row of company[name] as unknown as Record<string, string>[]) {
        for (const column of references) {
          const value = row[column.name];
          if (value && !ids[column.references as string]?.has(value))
            dangling.push(`${name}.${column.name} ${value}`);
        }
      }
    }
    for (const goal of company.goals)
      if (!ids.units?.has(goal.scope) && !ids.people?.has(goal.scope)) dangling.push(goal.scope);
    expect(dangling).toEqual([]);
  });

  it('gives split orders 2–3 reps whose shares sum exactly to 1, on about 5% of orders', () => {
    const byOrder = new Map<string, string[]>();
    for (const credit of company.order_credits)
      byOrder.set(credit.order_id, [...(byOrder.get(credit.order_id) ?? []), credit.share]);
    for (const [order, shares] of byOrder) {
      expect(shares.length, order).toBeGreaterThanOrEqual(2);
      expect(shares.length, order).toBeLessThanOrEqual(3);
      expect(
        shares.reduce((sum, s) => sum + Math.round(Number(s) * 10_000), 0),
        order,
      ).toBe(10_000);
    }
    const share = byOrder.size / company.orders.length;
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.07);
  });

  it('dates nothing after today, and no rep event outside their employment', () => {
    const dated = rows(company).flatMap(({ row }) =>
      [
        'date',
        'created_on',
        'closed_on',
        'converted_on',
        'resolved_on',
        'effective_from',
        'hire_date',
        'leave_date',
      ].map((column) => (row as Record<string, string>)[column] ?? ''),
    );
    expect(dated.filter((date) => date > TODAY)).toEqual([]);
    const people = new Map(company.people.map((p) => [p.id, p]));
    const outside = [...company.orders, ...company.activities, ...company.surveys].filter((event) => {
      const rep = people.get(event.rep_id);
      return !rep || event.date < rep.hire_date || (rep.leave_date !== '' && event.date > rep.leave_date);
    });
    expect(outside).toEqual([]);
  });

  it('collects at most the amount of a sale, within 120 days, and never for a return', () => {
    const orders = new Map(company.orders.map((o) => [o.id, o]));
    const collected = new Map<string, number>();
    const problems: string[] = [];
    for (const payment of company.payments) {
      const order = orders.get(payment.order_id);
      const lag = (Date.parse(payment.date) - Date.parse(order?.date ?? '')) / 86_400_000;
      if (!order || fenOf(order.amount) <= 0 || !(lag >= 0 && lag <= 120)) problems.push(payment.id);
      collected.set(payment.order_id, (collected.get(payment.order_id) ?? 0) + fenOf(payment.amount));
    }
    for (const [id, fen] of collected) if (fen > fenOf(orders.get(id)?.amount ?? '0')) problems.push(id);
    expect(problems).toEqual([]);
  });

  it('collects 80–95% of what was sold, once the payment terms have passed', () => {
    const sold = company.orders.filter((o) => o.date < '2026-06-01');
    const soldIds = new Set(sold.map((o) => o.id));
    const revenue = sold.reduce((sum, o) => sum + fenOf(o.amount), 0);
    const paid = company.payments
      .filter((p) => soldIds.has(p.order_id))
      .reduce((sum, p) => sum + fenOf(p.amount), 0);
    expect(paid / revenue).toBeGreaterThan(0.8);
    expect(paid / revenue).toBeLessThan(0.95);
  });

  it('returns 2–3% of sales, each after an earlier sale of the same product to the same customer', () => {
    const sales = company.orders.filter((o) => !o.amount.startsWith('-'));
    const returns = company.orders.filter((o) => o.amount.startsWith('-'));
    expect(returns.length / sales.length).toBeGreaterThan(0.015);
    expect(returns.length / sales.length).toBeLessThan(0.035);
    for (const ret of returns) {
      const sale = sales.find(
        (s) =>
          s.customer_id === ret.customer_id &&
          s.product_id === ret.product_id &&
          s.rep_id === ret.rep_id &&
          s.date < ret.date &&
          fenOf(s.amount) >= -fenOf(ret.amount),
      );
      expect(sale, ret.id).toBeDefined();
    }
  });

  it('shows the seasons: 春节 is the trough, December the peak', () => {
    const revenueOf = (month: string) =>
      company.orders.filter((o) => o.date.startsWith(month)).reduce((sum, o) => sum + fenOf(o.amount), 0);
    expect(revenueOf('2026-02')).toBeLessThan(revenueOf('2026-03') * 0.7);
    expect(revenueOf('2025-12')).toBeGreaterThan(revenueOf('2025-11') * 1.15);
    expect(revenueOf('2025-12')).toBeGreaterThan(revenueOf('2025-02') * 2);
  });

  it('closes opportunities before deciding them, and keeps scores on their scales', () => {
    for (const o of company.opportunities)
      expect(o.closed_on === '' ? o.won === '' : ['true', 'false'].includes(o.won)).toBe(true);
    for (const s of company.surveys) {
      const score = Number(s.score);
      expect(Number.isInteger(score)).toBe(true);
      expect(score).toBeGreaterThanOrEqual(s.kind === 'nps' ? 0 : 1);
      expect(score).toBeLessThanOrEqual(s.kind === 'nps' ? 10 : 5);
    }
  });

  it('moves reps to another team in the last 18 months, one of them mid-quarter', () => {
    const people = new Map(company.people.map((p) => [p.id, p]));
    for (const move of company.unit_moves) {
      expect(move.effective_from >= '2025-05-23').toBe(true);
      expect(people.get(move.person_id)?.unit_id).not.toBe(move.unit_id);
    }
    expect(company.unit_moves.some((m) => /-(02|05|08|11)-15$/.test(m.effective_from))).toBe(true);
  });
});
