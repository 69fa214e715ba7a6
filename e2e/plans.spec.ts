import { expect, test } from '@playwright/test';
import { menuItem, signIn } from './helpers.ts';

const NOTE = '第一档提成 1% → 2%';

test('finance designs a plan: the live preview follows an edit, a bad weight is named, the draft is applied', async ({
  page,
}) => {
  await signIn(page, 'F001');
  // The preview needs a stored close: run 2026-Q2 (a reason is accepted on any run, and needed
  // should an earlier journey have approved the period), so the newest run is known.
  const close = await page.request.post('/api/v1/closes', {
    data: { period: '2026-Q2', reason: 'plans journey' },
    headers: { 'x-attain-request': '1' },
  });
  expect(close.status()).toBe(201);

  await menuItem(page, '绩效方案').click();
  await expect(page).toHaveURL(/\/plans$/);
  const preview = page.getByTestId('plan-preview');
  const change = page.getByTestId('preview-change');
  // The draft starts as the latest version, which the run was computed with: no change.
  await expect(preview).toContainText('2026-Q2');
  await expect(change).toHaveText('¥0.00');

  // A higher first-tier rate pays everyone with revenue more.
  const firstRate = page.locator('#plan_compensation_0_components_0_tiers_0_rate');
  await expect(firstRate).toHaveValue('0.01');
  await firstRate.fill('0.02');
  await expect(change).toHaveText(/^\+¥[\d,]+\.\d\d$/);
  await expect(change).not.toHaveText('+¥0.00');
  await expect(preview).toContainText('相对当前版本的改动（1）');
  await expect(page.getByTestId('preview-people')).toContainText('+¥');

  // A weight of 0: the server's error shows on that field and in the summary; nothing applies.
  const weight = page.locator('#plan_scorecards_0_groups_0_items_0_weight');
  await weight.fill('0');
  await expect(page.locator('#plan_scorecards_0_groups_0_items_0_weight_help')).toHaveText('必须大于 0');
  await expect(page.getByTestId('plan-errors')).toContainText('scorecards[0].groups[0].items[0].weight');
  const applyButton = page.getByRole('button', { name: '保存为新版本' });
  await expect(applyButton).toBeDisabled();

  // The YAML tab shows the same draft.
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.getByTestId('plan-yaml')).toHaveValue(/upto: 1000000\n\s+rate: 0\.02/);
  await page.getByRole('tab', { name: '表单' }).click();

  await weight.fill('50');
  await expect(page.getByTestId('plan-errors')).toHaveCount(0);
  await expect(page.locator('#plan_scorecards_0_groups_0_items_0_weight_help')).toHaveCount(0);
  await expect(change).toHaveText(/^\+¥/);

  // Apply with a note: a new version, listed with who applied it and why, and its change.
  await applyButton.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '保存为新版本' }).click();
  await expect(dialog.getByText('请填写备注')).toBeVisible();
  await dialog.getByLabel('备注').fill(NOTE);
  await dialog.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByText(/已保存为版本 \d+/)).toBeVisible();
  const applied = Number((await page.getByText(/已保存为版本 \d+/).innerText()).match(/\d+/)?.[0]);

  await page.getByRole('tab', { name: '版本历史' }).click();
  const newest = page.getByTestId('plan-versions').locator('tbody tr.ant-table-row').first();
  await expect(newest).toContainText(`版本 ${applied}`);
  await expect(newest).toContainText('F001');
  await expect(newest).toContainText(NOTE);
  await expect(page.getByTestId('plan-diff')).toContainText('tiers[0].rate');
  await expect(page.getByTestId('plan-version-yaml')).toContainText('rate: 0.02');
});

test('a rep reads the plan versions but gets no designer', async ({ page }) => {
  await signIn(page, 'S0001');
  await menuItem(page, '绩效方案').click();
  await expect(page.getByTestId('plan-versions')).toContainText('版本 1');
  await expect(page.getByRole('tab', { name: '方案设计' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '保存为新版本' })).toHaveCount(0);
});
