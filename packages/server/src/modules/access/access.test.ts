import { beforeAll, expect, it } from 'vitest';
import { type Client, useTestApp } from '../../../test/app.ts';
import { describeDb } from '../../../test/db.ts';
import { insertSmallCompany } from '../../../test/fixtures/small-company.ts';

// Data scope by API, for every role: a read it may do, a read it may not (404/403 or filtered),
// a write it may do and one it may not. See access/data-scope.ts for the rules.
describeDb('data scope through the API', () => {
  const t = useTestApp({ now: () => new Date('2026-11-23T10:00:00') });
  const as = {} as Record<'r1' | 'm1' | 'm2' | 'em' | 'hr1' | 'fin1' | 'admin', Client>;

  beforeAll(async () => {
    await insertSmallCompany(t.db.kysely);
    for (const id of ['r1', 'm1', 'm2', 'em', 'hr1', 'fin1'] as const) {
      const person = await t.db.kysely
        .selectFrom('people')
        .select('role')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      as[id] = await t.signIn({ login: id, role: person.role as 'rep', personId: id });
    }
    as.admin = await t.signIn({ login: 'root', role: 'admin' });
  });

  const ids = async (client: Client, url: string, key = 'id') =>
    ((await client.get(url)).json().rows as Record<string, string>[]).map((r) => r[key]).sort();

  it('a rep sees only himself and his own orders, including a split credit', async () => {
    expect(await ids(as.r1, '/api/v1/people')).toEqual(['r1']);
    expect(await ids(as.r1, '/api/v1/entities/orders/rows')).toEqual(['o-r1', 'o-split']);
    expect(await ids(as.r1, '/api/v1/entities/payments/rows')).toEqual([]);
    expect(await ids(as.r1, '/api/v1/entities/goals/rows', 'scope')).toEqual(['T1', 'r1']);
    expect((await as.r1.get('/api/v1/people/r2')).statusCode).toBe(404);
    expect((await as.r1.get('/api/v1/people/r1')).statusCode).toBe(200);
  });

  it('a rep sees his unit path in the tree, not other regions', async () => {
    const units = (await as.r1.get('/api/v1/org/tree'))
      .json()
      .units.map((u: { id: string }) => u.id)
      .sort();
    expect(units).toEqual(['EAST', 'HQ', 'T1']);
  });

  it("a team manager sees his team, and a moved rep's history only while in it", async () => {
    expect(await ids(as.m1, '/api/v1/people')).toEqual(['m1', 'r1', 'r2']);
    expect(await ids(as.m1, '/api/v1/entities/orders/rows')).toEqual(['o-r1', 'o-r2-july', 'o-split']);
    expect(await ids(as.m2, '/api/v1/entities/orders/rows')).toEqual(['o-r2-sept']);
    expect((await as.m1.get('/api/v1/people/r3')).statusCode).toBe(404);
    expect((await as.m2.get('/api/v1/people/r2')).statusCode).toBe(200);
  });

  it('a region manager sees the region subtree', async () => {
    expect(await ids(as.em, '/api/v1/people?unitId=EAST')).toEqual(['em', 'm1', 'm2', 'r1', 'r2']);
    expect(await ids(as.em, '/api/v1/entities/orders/rows')).toEqual([
      'o-r1',
      'o-r2-july',
      'o-r2-sept',
      'o-split',
    ]);
  });

  it('hr, finance and admin see everything', async () => {
    for (const client of [as.hr1, as.fin1, as.admin]) {
      expect((await ids(client, '/api/v1/entities/orders/rows')).length).toBe(5);
      expect((await client.get('/api/v1/people/r3')).statusCode).toBe(200);
    }
  });

  it('names the people, customers and products a page refers to — only people in scope', async () => {
    const mine = (await as.r1.get('/api/v1/entities/orders/rows')).json();
    // o-split is r3's order crediting r1: r1 sees the order and r3's id, not r3's name.
    expect(mine.rows.map((r: { rep_id: string }) => r.rep_id).sort()).toEqual(['r1', 'r3']);
    expect(mine.names).toEqual({
      people: { r1: '人员r1' },
      customers: { C1: '上海某公司' },
      products: { P1: 'CRM 企业版' },
    });
    const all = (await as.admin.get('/api/v1/entities/orders/rows')).json();
    expect(all.names.people).toEqual({ r1: '人员r1', r2: '人员r2', r3: '人员r3' });
    const credits = (await as.admin.get('/api/v1/entities/order_credits/rows')).json();
    expect(credits.names).toEqual({ people: { r1: '人员r1', r3: '人员r3' } }); // orders have no name
    const people = (await as.m1.get('/api/v1/entities/people/rows')).json();
    expect(people.names.units).toEqual({ T1: '上海一部' });
    expect(people.names.people).toEqual({ m1: '人员m1' }); // em manages m1 but is not in m1's scope
  });

  it('only admin reads the audit log and manages logins', async () => {
    for (const client of [as.r1, as.m1, as.hr1, as.fin1]) {
      expect((await client.get('/api/v1/audit')).statusCode).toBe(403);
      expect((await client.get('/api/v1/users')).statusCode).toBe(403);
      const write = await client.post('/api/v1/users', {
        login: 'x1',
        password: 'long-enough-1',
        personId: 'r3',
      });
      expect(write.statusCode).toBe(403);
    }
    const created = await as.admin.post('/api/v1/users', {
      login: 'r3',
      password: 'long-enough-1',
      personId: 'r3',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ role: 'rep', personId: 'r3' });
    const audit = await as.admin.get('/api/v1/audit?entity=users');
    expect(audit.json().rows[0].after).toMatchObject({ login: 'r3', role: 'rep' });
  });

  it('answers 401 without a session and 400 with a field for a bad query', async () => {
    expect((await t.anonymous().get('/api/v1/entities/orders/rows')).statusCode).toBe(401);
    expect((await t.anonymous().get('/api/v1/org/tree')).statusCode).toBe(401);
    const bad = await as.admin.get('/api/v1/entities/orders/rows?sort=password');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'sort' });
    expect((await as.admin.get('/api/v1/entities/nonsense/rows')).statusCode).toBe(400);
  });

  it('pages, sorts, filters and formats money', async () => {
    const page = (
      await as.admin.get('/api/v1/entities/orders/rows?sort=amount&order=desc&pageSize=2&page=1')
    ).json();
    expect(page.total).toBe(5);
    expect(page.rows.map((r: { id: string }) => r.id)).toEqual(['o-split', 'o-r3']);
    expect(page.rows[0].amount).toBe('5000.00');
    const filtered = await ids(as.admin, '/api/v1/entities/orders/rows?from=2026-07-01&to=2026-09-30');
    expect(filtered).toEqual(['o-r2-july', 'o-r2-sept']);
    expect(await ids(as.admin, '/api/v1/entities/orders/rows?f.rep_id=r3')).toEqual(['o-r3', 'o-split']);
    expect(await ids(as.admin, '/api/v1/entities/orders/rows?q=SEPT')).toEqual(['o-r2-sept']);
  });
});
