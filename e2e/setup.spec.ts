import { expect, test } from '@playwright/test';
import { EMPTY_SERVER_URL, menuItem } from './helpers.ts';

test('on an empty database the first visitor creates the administrator and is signed in', async ({
  page,
}) => {
  await page.goto(`${EMPTY_SERVER_URL}/`);
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: '欢迎使用达成' })).toBeVisible();
  await page.getByLabel('登录名').fill('boss');
  await page.getByLabel('显示名称').fill('王总');
  await page.getByLabel('密码', { exact: true }).fill('short');
  await page.getByLabel('确认密码').fill('short');
  await page.getByRole('button', { name: '创建管理员并登录' }).click();
  await expect(page.getByText('密码至少 8 位').last()).toBeVisible();

  await page.getByLabel('密码', { exact: true }).fill('a-long-password');
  await page.getByLabel('确认密码').fill('a-long-password');
  await page.getByRole('button', { name: '创建管理员并登录' }).click();
  await expect(page.getByRole('heading', { name: '欢迎，王总' })).toBeVisible();
  await expect(menuItem(page, '审计日志')).toBeVisible();

  // Setup happens once: the page now leads to the sign-in.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.goto(`${EMPTY_SERVER_URL}/setup`);
  await expect(page).toHaveURL(/\/login$/);
});

test('repeated wrong passwords are refused, then rate-limited with a clear message', async ({ page }) => {
  await page.goto(`${EMPTY_SERVER_URL}/login`);
  await page.getByLabel('登录名').fill('nobody');
  await page.getByLabel('密码').fill('not-the-password');
  const attempt = async () => {
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login'));
    await page.getByRole('button', { name: '登录' }).click();
    return (await answer).status();
  };
  // The server allows 5 failures per login in 5 minutes (auth/login-limiter.ts).
  for (let i = 0; i < 5; i++) expect(await attempt()).toBe(401);
  await expect(page.getByRole('alert')).toHaveText('登录名或密码错误');
  expect(await attempt()).toBe(429);
  await expect(page.getByRole('alert')).toHaveText('登录失败次数过多，请等几分钟再试');
});
