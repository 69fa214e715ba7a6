import { expect, it } from 'vitest';
import { describeDb, useTestDb } from '../../../test/db.ts';
import { verifyPassword } from '../auth/password.ts';
import { ENTITY_NAMES } from '../entities/entities.ts';
import { createDemoLogins, DEMO_PASSWORD, holdsCompanyData, loadDemoCompany } from './demo.service.ts';
import { generateDemoCompany } from './generate.ts';

const company = generateDemoCompany({ seed: 5, today: '2026-11-23', size: { reps: 12, months: 3 } });

describeDb('loading the demo company', () => {
  const t = useTestDb();

  it('imports every entity, with the generated counts', async () => {
    expect(await holdsCompanyData(t.db)).toBe(false);
    const seen: string[] = [];
    const loaded = await loadDemoCompany(t.db, company, { onLoaded: (l) => seen.push(l.entity) });
    expect(seen).toEqual([...ENTITY_NAMES]);
    expect(await holdsCompanyData(t.db)).toBe(true);
    for (const entity of ENTITY_NAMES) {
      const { count } = await t.db.kysely
        .selectFrom(entity)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      expect(Number(count), entity).toBe(company[entity].length);
      expect(loaded.find((l) => l.entity === entity)?.inserted, entity).toBe(company[entity].length);
    }
  });

  it('stores money in fen and the split credits as written', async () => {
    const order = company.orders[0];
    const stored = await t.db.kysely
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', order?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(Number(stored.amount)).toBe(Math.round(Number(order?.amount) * 100));
    const s0001 = await t.db.kysely
      .selectFrom('people')
      .selectAll()
      .where('id', '=', 'S0001')
      .executeTakeFirstOrThrow();
    expect(s0001).toMatchObject({ unit_id: 'T-EAST-1', manager_id: 'M111', role: 'rep' });
  });

  it('creates a login per person with the demo password, admin for A001', async () => {
    const created = await createDemoLogins(t.db, company.people, new Date('2026-11-23T08:00:00Z'));
    expect(created).toHaveLength(company.people.length);
    const users = await t.db.kysely.selectFrom('users').selectAll().execute();
    const byLogin = new Map(users.map((u) => [u.login, u]));
    expect(byLogin.get('admin')).toMatchObject({ role: 'admin', person_id: 'A001' });
    expect(byLogin.get('M101')).toMatchObject({ role: 'manager', person_id: 'M101' });
    expect(byLogin.get('S0001')).toMatchObject({ role: 'rep', person_id: 'S0001' });
    expect(byLogin.get('H001')?.role).toBe('hr');
    expect(byLogin.get('F001')?.role).toBe('finance');
    expect(await verifyPassword(DEMO_PASSWORD, byLogin.get('S0001')?.password_hash ?? '')).toBe(true);
    // Running it again keeps the logins it made before.
    expect(
      await createDemoLogins(t.db, company.people.slice(0, 3), new Date('2026-11-23T09:00:00Z')),
    ).toEqual([]);
  });
});
