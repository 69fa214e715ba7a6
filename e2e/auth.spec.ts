import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, menuItem, signIn } from './helpers.ts';

test('admin signs in, sees the whole menu and signs out', async ({ page }) => {
  await signIn(page, 'admin');
  await expect(page.getByTestId('current-user')).toContainText('管理员');
  for (const item of ['首页', '组织架构', '数据', '数据导入', '审计日志']) {
    await expect(menuItem(page, item)).toBeVisible();
  }
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: '登录达成' })).toBeVisible();
  // The session is gone: a page behind the sign-in sends us back.
  await page.goto('/audit');
  await expect(page).toHaveURL(/\/login$/);
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('登录名').fill('admin');
  await page.getByLabel('密码').fill(`${DEMO_PASSWORD}-wrong`);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('登录名或密码错误');
  await expect(page).toHaveURL(/\/login$/);
});

test('a sales rep sees neither import nor the audit log', async ({ page }) => {
  await signIn(page, 'S0001');
  await expect(page.getByTestId('current-user')).toContainText('销售代表');
  await expect(menuItem(page, '组织架构')).toBeVisible();
  await expect(menuItem(page, '数据')).toBeVisible();
  await expect(menuItem(page, '数据导入')).toHaveCount(0);
  await expect(menuItem(page, '审计日志')).toHaveCount(0);
  await page.goto('/import');
  await expect(page.getByText('您没有导入数据的权限')).toBeVisible();
});
