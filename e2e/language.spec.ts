import { expect, test } from '@playwright/test';
import { menuItem, signIn } from './helpers.ts';

test('switching to English relabels the app, survives a reload, and switches back', async ({ page }) => {
  await signIn(page, 'admin');
  await expect(menuItem(page, '组织架构')).toBeVisible();

  await page.getByText('English', { exact: true }).click();
  await expect(menuItem(page, 'Organization')).toBeVisible();
  await expect(menuItem(page, 'Audit log')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();

  // Column labels come from the server's metadata in the chosen language; antd's own texts follow.
  await page.goto('/data/orders');
  await expect(page.getByRole('columnheader', { name: 'Amount' })).toBeVisible();
  await expect(page.getByText(/in total/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'Amount' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByRole('columnheader', { name: '金额' })).toBeVisible();
  await expect(menuItem(page, '组织架构')).toBeVisible();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
});
