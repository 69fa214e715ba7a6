import { beforeAll, expect, it } from 'vitest';
import { type Client, TEST_PASSWORD, useTestApp } from '../../../test/app.ts';
import { describeDb } from '../../../test/db.ts';
import { insertSmallCompany } from '../../../test/fixtures/small-company.ts';

// Managing logins through the API (admin only): list with the person's name, create, change the
// role, reset the password, disable and enable — and never lose the last enabled admin.
describeDb('logins', () => {
  const t = useTestApp({ now: () => new Date('2026-11-23T10:00:00') });
  let admin: Client;
  let rep: Client;

  beforeAll(async () => {
    await insertSmallCompany(t.db.kysely);
    admin = await t.signIn({ login: 'root', role: 'admin' });
    rep = await t.signIn({ login: 'r1', role: 'rep', personId: 'r1' });
  });

  const patch = (client: Client, id: string, payload: unknown) =>
    client.request({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: payload as object });
  const userByLogin = async (login: string) =>
    (await admin.get('/api/v1/users')).json().rows.find((u: { login: string }) => u.login === login);
  const newLogin = (login: string, personId?: string, role?: string) =>
    admin.post('/api/v1/users', { login, password: TEST_PASSWORD, personId, role });
  const signInAs = (login: string, password: string) =>
    t.anonymous().post('/api/v1/auth/login', { login, password });

  it("lists logins with their person's name", async () => {
    const r1 = await userByLogin('r1');
    expect(r1).toMatchObject({ login: 'r1', role: 'rep', personId: 'r1', disabled: false });
    expect(r1.personName).toBe('人员r1');
    expect(await userByLogin('root')).toMatchObject({ personId: null, personName: null, role: 'admin' });
  });

  it('gives a person one enabled login, and a login without a person needs a role', async () => {
    const second = await newLogin('r1-again', 'r1');
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'conflict', field: 'personId' });
    const roleless = await newLogin('nobody');
    expect(roleless.json().error).toMatchObject({ code: 'validation_failed', field: 'role' });
    const unknown = await newLogin('ghost', 'zz');
    expect(unknown.json().error).toMatchObject({ code: 'validation_failed', field: 'personId' });
    expect(await userByLogin('r1-again')).toBeUndefined();
  });

  it('resets a password: the old one stops working and the login is signed out everywhere', async () => {
    const created = await newLogin('r2', 'r2');
    expect(created.statusCode).toBe(201);
    const r2 = await userByLogin('r2');
    const session = await signInAs('r2', TEST_PASSWORD);
    const cookie = String(session.headers['set-cookie']).split(';')[0] as string;
    const me = () => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect((await me()).statusCode).toBe(200);

    const reset = await patch(admin, r2.id, { password: 'a-new-password-2' });
    expect(reset.statusCode).toBe(200);
    expect((await me()).statusCode).toBe(401);
    expect((await signInAs('r2', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signInAs('r2', 'a-new-password-2')).statusCode).toBe(200);

    const audit = (await admin.get('/api/v1/audit?entity=users')).json().rows[0];
    expect(audit).toMatchObject({ action: 'update', entityId: r2.id, after: { passwordReset: true } });
    expect(JSON.stringify(audit)).not.toContain('a-new-password-2');
  });

  it('lifts a sign-in block when an admin sets a new password', async () => {
    const r2 = await userByLogin('r2');
    for (let i = 0; i < 5; i++) expect((await signInAs('r2', 'not-the-password')).statusCode).toBe(401);
    expect((await signInAs('r2', 'a-new-password-2')).statusCode).toBe(429);
    expect((await patch(admin, r2.id, { password: 'a-new-password-2' })).statusCode).toBe(200);
    expect((await signInAs('r2', 'a-new-password-2')).statusCode).toBe(200);
  });

  it('disables a login (it can no longer sign in) and enables it again', async () => {
    const r2 = await userByLogin('r2');
    const disabled = await patch(admin, r2.id, { disabled: true });
    expect(disabled.json()).toMatchObject({ login: 'r2', disabled: true });
    expect((await signInAs('r2', 'a-new-password-2')).statusCode).toBe(401);
    await patch(admin, r2.id, { disabled: false });
    expect((await signInAs('r2', 'a-new-password-2')).statusCode).toBe(200);
  });

  it('changes a role and a display name, recorded before → after', async () => {
    const r2 = await userByLogin('r2');
    const changed = await patch(admin, r2.id, { role: 'manager', displayName: '李四（经理）' });
    expect(changed.json()).toMatchObject({ role: 'manager', displayName: '李四（经理）' });
    const audit = (await admin.get('/api/v1/audit?entity=users')).json().rows[0];
    expect(audit.before).toMatchObject({ role: 'rep' });
    expect(audit.after).toMatchObject({ role: 'manager', displayName: '李四（经理）' });
  });

  it('keeps the last enabled admin: no disabling or demoting it (409 with the field)', async () => {
    const root = await userByLogin('root');
    const off = await patch(admin, root.id, { disabled: true });
    expect(off.statusCode).toBe(409);
    expect(off.json().error).toMatchObject({ code: 'conflict', field: 'disabled' });
    const demoted = await patch(admin, root.id, { role: 'hr' });
    expect(demoted.json().error).toMatchObject({ code: 'conflict', field: 'role' });
    // With a second admin either may step down; then the other is the last one again.
    const second = await newLogin('root2', undefined, 'admin');
    expect(second.statusCode).toBe(201);
    const root2 = await userByLogin('root2');
    expect((await patch(admin, root2.id, { role: 'hr' })).statusCode).toBe(200);
    expect((await userByLogin('root2')).role).toBe('hr');
    expect((await patch(admin, root.id, { disabled: true })).statusCode).toBe(409);
  });

  it('refuses bad changes with a code and the field, an unknown login with 404', async () => {
    const target = await userByLogin('r1');
    const short = await patch(admin, target.id, { password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: 'validation_failed', field: 'password' });
    expect((await patch(admin, target.id, { role: 'emperor' })).json().error).toMatchObject({
      field: 'role',
    });
    expect((await patch(admin, target.id, {})).statusCode).toBe(400);
    expect((await patch(admin, target.id, { login: 'renamed' })).statusCode).toBe(400);
    expect((await patch(admin, 'no-such-user', { disabled: true })).statusCode).toBe(404);
    expect(await userByLogin('r1')).toMatchObject({ login: 'r1', role: 'rep', disabled: false });
  });

  it('lets no one but an admin list or change logins', async () => {
    const target = await userByLogin('r1');
    expect((await rep.get('/api/v1/users')).statusCode).toBe(403);
    expect((await patch(rep, target.id, { role: 'admin' })).statusCode).toBe(403);
    expect((await userByLogin('r1')).role).toBe('rep');
  });
});
