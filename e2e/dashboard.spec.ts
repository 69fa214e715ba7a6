import { expect, type Page, test } from '@playwright/test';
import { menuItem, signIn } from './helpers.ts';

const drillRow = (page: Page, name: string | RegExp) =>
  page.getByTestId('drill-table').getByRole('button', { name });

test('the VP drills from the company to a region, a team and a rep, then filters a product line', async ({
  page,
}) => {
  await signIn(page, 'M100');
  await menuItem(page, '业绩看板').click();
  await expect(page.getByTestId('dashboard-title')).toContainText('达成科技');
  await expect(page.getByTestId('kpi-revenue')).toContainText('销售额');

  await drillRow(page, '华东大区').click();
  await expect(page.getByTestId('dashboard-title')).toContainText('华东大区');
  await expect(page).toHaveURL(/scope=unit%3AR-EAST|scope=unit:R-EAST/);

  await drillRow(page, '上海一部').click();
  await expect(page.getByTestId('dashboard-title')).toContainText('上海一部');
  // A team lists its people directly; rows are sorted by id, so the manager M111 comes before S0001.
  const people = page.getByTestId('drill-table').locator('tbody tr.ant-table-row');
  await expect(people.nth(1)).toBeVisible();
  const repName = (await people.nth(1).getByRole('button').innerText()).trim();
  await people.nth(1).getByRole('button').click();
  await expect(page).toHaveURL(/scope=person%3AS0001|scope=person:S0001/);
  await expect(page.getByTestId('dashboard-title')).toContainText(repName);
  await expect(page.getByTestId('kpi-revenue')).toBeVisible();

  await page.getByRole('combobox', { name: '产品线' }).click();
  await page.getByTitle('软件', { exact: true }).click();
  await expect(page).toHaveURL(/product_line=%E8%BD%AF%E4%BB%B6/);
  await expect(page.getByTestId('kpi-revenue')).toContainText('¥');
});

test('a rep sees only himself: no drill-down, and another scope is not found', async ({ page }) => {
  await signIn(page, 'S0001');
  await page.goto('/dashboard');
  await expect(page.getByTestId('kpi-revenue')).toBeVisible();
  await expect(page.getByTestId('drill-table')).toHaveCount(0);
  await page.goto('/dashboard?scope=unit:HQ');
  await expect(page.getByText(/not found|不存在|找不到/i).first()).toBeVisible();
});

test('the dashboard moves after an import', async ({ page }) => {
  await signIn(page, 'admin');
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await page.goto(`/dashboard?period=${today.slice(0, 7)}&scope=person:S0001`);
  const revenue = page.getByTestId('kpi-revenue');
  await expect(revenue).toContainText('¥');
  const before = await revenue.innerText();

  const first = async (entity: string) => {
    const response = await page.request.get(`/api/v1/entities/${entity}/rows?pageSize=1`);
    return ((await response.json()) as { rows: { id: string }[] }).rows[0]?.id as string;
  };
  const csv = `id,date,rep_id,customer_id,product_id,amount\nE2E-O1,${today},S0001,${await first('customers')},${await first('products')},8888888.88\n`;
  const started = await page.request.post('/api/v1/imports/orders', {
    headers: { 'x-attain-request': '1' },
    multipart: {
      file: { name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
      dryRun: 'false',
    },
  });
  expect(started.status()).toBe(202);
  const { jobId } = (await started.json()) as { jobId: string };
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/v1/imports/jobs/${jobId}`)).json()) as { state: string }).state,
    )
    .toBe('done');
  // No reload: the page refetches, the server's store follows the change feed.
  await expect(revenue).not.toHaveText(before, { timeout: 30_000 });
});
