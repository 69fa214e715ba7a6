import { expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp } from '../../../test/app.ts';
import { describeDb } from '../../../test/db.ts';
import { buildApp, CSRF_HEADER } from '../../http/app.ts';

describeDb('auth', () => {
  const t = useTestApp();

  it('asks for the admin on first run, then never again', async () => {
    const anonymous = t.anonymous();
    expect((await anonymous.get('/api/v1/setup')).json()).toEqual({ needsSetup: true });
    const created = await anonymous.post('/api/v1/setup', {
      login: 'admin',
      password: 'admin-pass-1',
      displayName: '管理员',
    });
    expect(created.statusCode).toBe(200);
    expect(created.json().user.role).toBe('admin');
    const cookie = String(created.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await anonymous.get('/api/v1/setup')).json()).toEqual({ needsSetup: false });
    const again = await anonymous.post('/api/v1/setup', {
      login: 'x',
      password: 'admin-pass-1',
      displayName: 'x',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('setup_done');
  });

  it('signs in, answers me, signs out', async () => {
    const client = await t.signIn({ login: 'rep1@example.com', role: 'rep' });
    const me = await client.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ login: 'rep1@example.com', role: 'rep' });
    expect(me.json().permissions.viewAudit).toBe(false);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it("signs in a login tied to a person by that person's email too", async () => {
    await t.db.kysely
      .insertInto('units')
      .values({ id: 'HQ', name: '总部', parent_id: null, kind: 'company' })
      .execute();
    await t.db.kysely
      .insertInto('people')
      .values({
        id: 'S9',
        name: '李四',
        email: 'Li.Si@Example.cn',
        unit_id: 'HQ',
        role: 'rep',
        title: null,
        hire_date: '2025-01-01',
        leave_date: null,
        manager_id: null,
      })
      .execute();
    await t.signIn({ login: 'S9', role: 'rep', personId: 'S9' });
    const r = await t
      .anonymous()
      .post('/api/v1/auth/login', { login: 'li.si@example.cn', password: TEST_PASSWORD });
    expect(r.statusCode).toBe(200);
    expect(r.json().user).toMatchObject({ login: 'S9', personId: 'S9' });
  });

  it('rejects a wrong password, then rate-limits the login', async () => {
    await t.signIn({ login: 'victim', role: 'rep' });
    const anonymous = t.anonymous();
    for (let i = 0; i < 5; i++) {
      const r = await anonymous.post('/api/v1/auth/login', { login: 'victim', password: 'wrong-password' });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await anonymous.post('/api/v1/auth/login', {
      login: 'victim',
      password: 'wrong-password',
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
  });

  it('counts failures in the database: a second server on it refuses the blocked login too', async () => {
    await t.signIn({ login: 'victim2', role: 'rep' });
    const other = await buildApp({ db: t.db, webDist: null });
    try {
      for (let i = 0; i < 5; i++) {
        const r = await t
          .anonymous()
          .post('/api/v1/auth/login', { login: 'victim2', password: 'wrong-password' });
        expect(r.statusCode).toBe(401);
      }
      const elsewhere = await other.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 'victim2', password: TEST_PASSWORD },
        headers: { [CSRF_HEADER]: '1' },
      });
      expect(elsewhere.statusCode).toBe(429);
    } finally {
      await other.close();
    }
  });

  it('refuses a write without the CSRF header', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'a', password: 'b' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_rejected');
    expect(CSRF_HEADER).toBe('x-attain-request');
  });

  it('validates bodies and names the field', async () => {
    const r = await t.anonymous().post('/api/v1/auth/login', { login: 'a' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'validation_failed', field: 'password' });
  });

  it('shows the audit log to admin only', async () => {
    const rep = await t.signIn({ login: 'rep2', role: 'rep' });
    expect((await rep.get('/api/v1/audit')).statusCode).toBe(403);
    const admin = await t.signIn({ login: 'admin2', role: 'admin' });
    const audit = await admin.get('/api/v1/audit?entity=users');
    expect(audit.statusCode).toBe(200);
    expect(audit.json().rows.some((r: { after: { login: string } }) => r.after.login === 'rep2')).toBe(true);
  });
});
