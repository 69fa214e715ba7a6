import { type Browser, expect, type Page, test } from '@playwright/test';
import { menuItem, signIn } from './helpers.ts';

/** Each user in a fresh browser context, so sessions never mix. */
async function as(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, login);
  return page;
}

const peopleRows = (page: Page) => page.getByTestId('pay-people').locator('tbody tr.ant-table-row');

test('finance runs the 2026-Q3 close, the VP approves it, a rep reads, drills and estimates his pay', async ({
  browser,
}) => {
  // Finance: pick the period, run the close, see everyone's lines.
  const finance = await as(browser, 'F001');
  await menuItem(finance, '薪酬').click();
  await finance.getByRole('combobox', { name: '周期' }).click();
  await finance.getByTitle('2026-Q3', { exact: true }).click();
  await expect(finance).toHaveURL(/period=2026-Q3/);
  await finance.getByRole('button', { name: '运行结算' }).click();
  // The close runs in the background: its progress bar follows the engine to the end.
  const progress = finance.getByTestId('close-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('data-state', 'done');
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(finance.getByTestId('close-phase')).toHaveText('完成');
  await expect(finance.getByTestId('pay-runs')).toContainText('结算 #1');
  await expect(finance.getByTestId('run-state')).toHaveText('草稿');
  await expect(peopleRows(finance).first()).toBeVisible();
  await expect(finance.getByTestId('pay-people')).toContainText('S0001');
  await expect(finance.getByTestId('pay-people')).toContainText('¥');
  await expect(finance.getByTestId('pending-units')).toContainText('上海一部');
  await expect(finance.getByRole('link', { name: /导出工资表/ })).toHaveAttribute('href', /payroll\.xlsx$/);

  // The VP manages the root unit: his approval covers every required unit.
  const vp = await as(browser, 'M100');
  await vp.goto('/pay?period=2026-Q3');
  await expect(vp.getByTestId('run-state')).toHaveText('草稿');
  await vp.getByRole('button', { name: '审批' }).click();
  await expect(vp.getByTestId('run-state')).toHaveText('经理已审批');
  await expect(vp.getByTestId('pending-units')).toHaveText('无待审批单元');
  await expect(vp.getByRole('link', { name: /导出工资表/ })).toHaveCount(0);

  // The rep: the menu opens his own statement.
  const rep = await as(browser, 'S0001');
  await menuItem(rep, '薪酬').click();
  await expect(rep).toHaveURL(/\/pay\/statement\/S0001/);
  await expect(rep.getByTestId('statement-title')).toContainText('的薪酬单');
  await expect(rep.getByText('经理已审批')).toBeVisible();
  const total = rep.getByTestId('statement-total');
  await expect(total).toContainText('¥');
  const commission = rep.getByTestId('pay-line-commission');
  await expect(commission).toContainText('阶梯提成');
  // The explanation in Chinese, money in yuan: "提成（方案 … 的超额累进提成），基数 销售额 = …"
  const why = rep.getByTestId('pay-lines-commission');
  await expect(why).toContainText('超额累进提成');
  await expect(why).toContainText(/最后一次性四舍五入到分：¥[\d,]+\.\d\d/);
  await expect(why).not.toContainText('tiered commission');
  await expect(rep.getByTestId('score-lines')).toContainText('总分');
  await commission.getByRole('button', { name: /查看订单与回款明细/ }).click();
  const events = rep.getByTestId('events-commission').locator('tbody tr.ant-table-row');
  await expect(events.first()).toContainText(/SO\d+/);
  await expect(events.first()).toContainText('订单');

  // What-if: more revenue → a different estimate and a positive difference.
  const estimated = rep.getByTestId('what-if-estimated');
  const before = (await total.locator('.ant-statistic-content').innerText()).trim();
  await expect(estimated).toHaveText(before);
  await rep.getByLabel('增加销售额 ¥').fill('100000');
  await expect(estimated).not.toHaveText(before);
  await expect(rep.getByTestId('what-if-difference')).toContainText(/¥[1-9]/);

  // The period is frozen now: a new run asks for a reason, and starts again as a draft.
  await finance.getByRole('button', { name: '运行结算' }).click();
  const dialog = finance.getByRole('dialog');
  await expect(dialog).toContainText('重新结算需填写原因');
  await dialog.getByLabel('原因').fill('补录回款');
  await dialog.getByRole('button', { name: '运行结算' }).click();
  await expect(finance.getByTestId('pay-runs')).toContainText('结算 #2');
  await expect(finance.getByTestId('pay-runs')).toContainText('补录回款');
  await expect(finance.getByTestId('run-state')).toHaveText('草稿');
  await expect(finance.getByTestId('pay-run')).toContainText('与结算 #1 相比');
});
