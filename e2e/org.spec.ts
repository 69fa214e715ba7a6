import { expect, test } from '@playwright/test';
import { menuItem, signIn, tableRows } from './helpers.ts';

test('a regional manager sees their region, its people, and a person with their moves', async ({ page }) => {
  await signIn(page, 'M101'); // manager of 华东 (R-EAST)
  await menuItem(page, '组织架构').click();
  const tree = page.getByRole('tree');
  await expect(tree.getByText('华东大区')).toBeVisible();
  await expect(tree.getByText('华北大区')).toHaveCount(0);

  await tree.getByText('上海一部').click(); // T-EAST-1
  await expect(page.getByRole('heading', { name: '上海一部 的成员（含下级单元）' })).toBeVisible();
  const people = tableRows(page, 'people-table');
  await expect(people.filter({ hasText: 'S0001' })).toHaveCount(1);
  await expect(people.filter({ hasText: 'M111' })).toHaveCount(1);

  await people.filter({ hasText: 'S0001' }).getByRole('button').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('row', { name: /工号\s*S0001/ })).toBeVisible();
  await expect(drawer.getByText(/入职 · 上海一部/)).toBeVisible();
});

test('a unit move shows on the person’s timeline', async ({ page }) => {
  await signIn(page, 'M100'); // manager of everything
  await page.goto('/data/unit_moves');
  const first = tableRows(page).first();
  await expect(first).toBeVisible();
  const effectiveFrom = (await first.locator('td').nth(2).textContent()) ?? '';
  await first.getByRole('button').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('调动记录')).toBeVisible();
  await expect(drawer.getByText(new RegExp(`${effectiveFrom}\\s*调入`))).toBeVisible();
});
