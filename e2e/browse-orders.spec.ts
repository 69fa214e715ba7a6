import { expect, type Page, test } from '@playwright/test';
import { menuItem, signIn, tableRows } from './helpers.ts';

const AMOUNT_COLUMN = 5; // 订单编号, 日期, 销售员, 客户编号, 产品编号, 金额, 成本
const DATE_COLUMN = 1;

/** "-¥1,234.50" → -1234.5 (only to compare order in the test). */
const amountOf = (text: string) => Number(text.replace(/[¥,]/g, ''));

const columnTexts = (page: Page, column: number) =>
  tableRows(page).evaluateAll(
    (rows, index) => rows.map((row) => row.querySelectorAll('td')[index]?.textContent ?? ''),
    column,
  );

const totalOf = async (page: Page) =>
  Number((await page.getByText(/^共 \d+ 条$/).textContent())?.match(/\d+/)?.[0]);

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

test.beforeEach(async ({ page }) => {
  await signIn(page, 'admin');
  // The Data submenu fills in once the entity list has loaded and opens with an animation: a
  // click during either can be lost, so open it and click until the page has changed.
  await expect(async () => {
    if (!(await menuItem(page, '订单').isVisible())) await menuItem(page, '数据').click();
    await menuItem(page, '订单').click({ timeout: 2_000 });
    await expect(page).toHaveURL(/\/data\/orders$/, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(tableRows(page)).toHaveCount(50);
});

test('orders: page 2 shows the next 50 orders', async ({ page }) => {
  const firstPage = await columnTexts(page, 0);
  await page.locator('.ant-pagination-item-2').click();
  await expect(page).toHaveURL(/page=2/);
  await expect.poll(async () => (await columnTexts(page, 0))[0]).not.toBe(firstPage[0]);
  const secondPage = await columnTexts(page, 0);
  expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
  await expect(page.locator('.ant-pagination-item-2')).toHaveClass(/ant-pagination-item-active/);
});

test('orders: sorting by amount, ascending then descending', async ({ page }) => {
  const amountHeader = page.getByRole('columnheader', { name: '金额' });
  await amountHeader.click();
  await expect(page).toHaveURL(/sort=amount&order=asc/);
  await expect
    .poll(async () => {
      const amounts = (await columnTexts(page, AMOUNT_COLUMN)).map(amountOf);
      return amounts.every((value, i) => i === 0 || (amounts[i - 1] ?? value) <= value);
    })
    .toBe(true);
  // The smallest amounts are returns (negative).
  expect(amountOf((await columnTexts(page, AMOUNT_COLUMN))[0] ?? '')).toBeLessThan(0);

  await amountHeader.click();
  await expect(page).toHaveURL(/sort=amount&order=desc/);
  await expect
    .poll(async () => {
      const amounts = (await columnTexts(page, AMOUNT_COLUMN)).map(amountOf);
      return amounts.length > 0 && amounts.every((value, i) => i === 0 || (amounts[i - 1] ?? value) >= value);
    })
    .toBe(true);
});

test('orders: a date range keeps only orders of those days', async ({ page }) => {
  const allOrders = await totalOf(page);
  // Last month, whatever today is: the demo's history runs up to today.
  const today = new Date();
  const from = isoDate(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)));
  const to = isoDate(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0)));

  await page.getByPlaceholder('开始日期').click();
  await page.getByPlaceholder('开始日期').fill(from);
  await page.getByPlaceholder('开始日期').press('Enter');
  await page.getByPlaceholder('结束日期').fill(to);
  await page.getByPlaceholder('结束日期').press('Enter');
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));

  await expect.poll(() => totalOf(page)).toBeLessThan(allOrders);
  await expect
    .poll(async () => {
      const dates = await columnTexts(page, DATE_COLUMN);
      return dates.length > 0 && dates.every((date) => date >= from && date <= to);
    })
    .toBe(true);
});

test('orders: the rep, customer and product show by name beside their id', async ({ page }) => {
  const REP_COLUMN = 2;
  const CUSTOMER_COLUMN = 3;
  const PRODUCT_COLUMN = 4;
  await expect
    .poll(async () =>
      (await columnTexts(page, REP_COLUMN)).every((text) => /^\p{Script=Han}{2,4} S\d{4}$/u.test(text)),
    )
    .toBe(true);
  const customers = await columnTexts(page, CUSTOMER_COLUMN);
  expect(customers.every((text) => /^\p{Script=Han}.* C\d{5}$/u.test(text))).toBe(true);
  const products = await columnTexts(page, PRODUCT_COLUMN);
  expect(products.every((text) => /^\S.* P\d{3}$/.test(text))).toBe(true);
});
