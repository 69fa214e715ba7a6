import { type Browser, expect, type Page, test } from '@playwright/test';
import { menuItem, signIn } from './helpers.ts';

// One goal's life, in order: cascade (M101), propose (S0001), return (M111), propose again, approve.
test.describe.configure({ mode: 'serial' });

const YEAR = new Date().getFullYear(); // the server's "today" is the same clock
const QUARTER = `${YEAR}-Q1`;
const MONTH = `${YEAR}-12`;

/** Signs in as `login` in a fresh context and opens 目标管理 (waiting for its grid unless told not to). */
async function openGoals(browser: Browser, login: string, waitForGrid = true): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, login);
  await menuItem(page, '目标管理').click();
  if (waitForGrid)
    await expect(page.getByTestId('goal-grid').locator('tbody tr.ant-table-row').first()).toBeVisible();
  return page;
}

const gridCell = (page: Page, rowId: string, period: string) => page.getByTestId(`cell-${rowId}-${period}`);

/** The proposals table's row of S0001's December goal. */
async function openProposal(page: Page, view: '待我审批' | '我的提案' | '全部') {
  await page.getByRole('tab', { name: '提案审批' }).click();
  await page.locator('.ant-segmented-item').filter({ hasText: view }).click();
  return page
    .getByTestId('proposals-table')
    .locator('tbody tr.ant-table-row')
    .filter({ hasText: MONTH })
    .filter({ hasText: 'S0001' });
}

test('a regional director cascades the region’s quarter goal to its teams', async ({ browser }) => {
  const page = await openGoals(browser, 'M101'); // manager of 华东大区 (R-EAST)
  await expect(page.locator('tr[data-row-key="R-EAST"]')).toContainText('华东大区');
  await page.locator('tr[data-row-key="R-EAST"]').getByRole('button', { name: /下发/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('期间').click();
  await page.locator(`.ant-select-item-option[title="${QUARTER}"]`).click();
  await expect(dialog.getByRole('button', { name: '确认下发' })).toBeDisabled(); // preview first
  await dialog.getByRole('button', { name: '预览' }).click();

  const parts = dialog.getByTestId('cascade-preview').locator('tbody tr.ant-table-row');
  await expect(parts).toHaveCount(4); // 上海一部, 上海二部, 杭州团队, 南京团队
  await expect(dialog.getByTestId('cascade-totals')).toContainText('差额 ¥0.00');
  const team1 = parts.filter({ hasText: '上海一部' });
  const part = ((await team1.locator('td').last().textContent()) ?? '').trim();
  expect(part).toMatch(/^¥[\d,]+\.\d\d$/);

  await dialog.getByRole('button', { name: '确认下发' }).click();
  await expect(page.getByText('已下发 4 个目标')).toBeVisible();
  await expect(dialog).toBeHidden();
  // The grid reloads: 上海一部's Q1 now holds its part (the tooltip shows the exact amount).
  const cell = gridCell(page, 'T-EAST-1', QUARTER);
  const short = `¥${(Number(part.replace(/[¥,]/g, '')) / 10_000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}万`;
  await expect(cell).toHaveText(short);
  await expect(cell).toHaveAttribute('title', new RegExp(part.replace(/[.$]/g, '\\$&')));
});

test('a rep proposes his December goal', async ({ browser }) => {
  const page = await openGoals(browser, 'S0001');
  await gridCell(page, 'S0001', MONTH).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('目标值').fill('300000');
  await dialog.getByLabel('说明').fill('年底冲刺');
  await dialog.getByRole('button', { name: '提交提案' }).click();
  await expect(dialog).toBeHidden();
  await expect(gridCell(page, 'S0001', MONTH)).toContainText('待审批');

  const row = await openProposal(page, '我的提案');
  await expect(row.locator('.ant-tag').first()).toHaveText('待审批');
  await expect(row.getByTestId('proposal-history')).toContainText(
    /提案S0001 · .* · ¥300,000.00 · “年底冲刺”/,
  );
});

test('his team manager returns it with a comment', async ({ browser }) => {
  const page = await openGoals(browser, 'M111'); // manager of 上海一部
  await expect(gridCell(page, 'S0001', MONTH)).toContainText('待审批');
  const row = await openProposal(page, '待我审批');
  await row.getByRole('button', { name: '退回' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '退回' }).click();
  await expect(dialog.getByText('退回时必须填写意见')).toBeVisible(); // a return needs a comment
  await dialog.getByLabel('意见').fill('至少 35 万');
  await dialog.getByRole('button', { name: '退回' }).click();
  await expect(dialog).toBeHidden();

  const all = await openProposal(page, '全部');
  await expect(all.locator('td').nth(3)).toHaveText('已退回');
  await expect(all.getByTestId('proposal-history')).toContainText(/退回M111 · .* · “至少 35 万”/);
});

test('the rep proposes again and the manager approves', async ({ browser }) => {
  const rep = await openGoals(browser, 'S0001');
  await expect(gridCell(rep, 'S0001', MONTH)).toContainText('已退回');
  const mine = await openProposal(rep, '我的提案');
  await mine.getByRole('button', { name: '重新提案' }).click();
  const dialog = rep.getByRole('dialog');
  await dialog.getByLabel('目标值').fill('350000');
  await dialog.getByLabel('意见').fill('按要求调整');
  await dialog.getByRole('button', { name: '重新提案' }).click();
  await expect(dialog).toBeHidden();
  await expect(mine.locator('td').nth(3)).toHaveText('待审批');
  await expect(mine.getByTestId('proposal-history').locator('.ant-tag')).toHaveText(['提案', '退回', '提案']);

  const manager = await openGoals(browser, 'M111');
  const row = await openProposal(manager, '待我审批');
  await expect(row).toContainText('¥350,000.00');
  await row.getByRole('button', { name: '批准' }).click();
  const decide = manager.getByRole('dialog');
  await decide.getByLabel('意见').fill('同意');
  await decide.getByRole('button', { name: '批准' }).click();
  await expect(decide).toBeHidden();

  const all = await openProposal(manager, '全部');
  await expect(all.locator('td').nth(3)).toHaveText('已批准');
  await expect(all.getByTestId('proposal-history').locator('.ant-tag')).toHaveText([
    '提案',
    '退回',
    '提案',
    '批准',
  ]);
  await expect(all.getByTestId('proposal-history')).toContainText('“同意”');
  // The agreed goal is now the approved value, with nothing pending.
  await manager.getByRole('tab', { name: '目标表' }).click();
  await expect(gridCell(manager, 'S0001', MONTH)).toHaveText('¥35.0万');
});

test('finance locks a quarter: a change then needs a reason; unlocking lifts it', async ({ browser }) => {
  const finance = await openGoals(browser, 'F001', false); // the whole company's grid: not needed here
  await finance.getByRole('tab', { name: '锁定' }).click();
  const locksTable = finance.getByTestId('locks-table');
  await expect(locksTable).toContainText('暂无锁定期间'); // the locks have loaded: the form will not re-render under us
  const periodField = finance.locator('.ant-form-item').filter({ has: finance.getByLabel('期间') });
  await finance.getByLabel('期间').click();
  await finance.locator(`.ant-select-item-option[title="${QUARTER}"]`).click();
  await expect(periodField).toContainText(QUARTER); // the choice took (the dropdown lives outside the field)
  await finance.getByLabel('原因').fill('一季度目标已签字');
  await expect(finance.getByLabel('原因')).toHaveValue('一季度目标已签字');
  await finance.getByRole('button', { name: /锁定$/ }).click();
  await expect(finance.getByText(`${QUARTER} 已锁定`)).toBeVisible();
  const lockRow = locksTable.locator('tbody tr.ant-table-row').filter({ hasText: QUARTER });
  await expect(lockRow).toContainText('F001');
  await expect(lockRow).toContainText('一季度目标已签字');

  const director = await openGoals(browser, 'M101');
  const cell = gridCell(director, 'T-EAST-1', QUARTER);
  await expect(cell.getByRole('img', { name: 'lock' })).toBeVisible();
  await cell.click();
  const dialog = director.getByRole('dialog');
  await expect(dialog.getByText('该期间已锁定，修改需填写原因')).toBeVisible(); // asked upfront
  await dialog.getByLabel('目标值').fill('22000000');
  const save = dialog.locator('.ant-modal-footer').getByRole('button', { name: '设定目标' });
  await save.click();
  await expect(dialog.getByText('请填写修改原因')).toBeVisible();
  await dialog.getByLabel('修改原因').fill('客户合并');
  await save.click();
  await expect(dialog).toBeHidden();
  await expect(cell).toContainText('¥2,200.0万');

  await lockRow.getByRole('button', { name: /解锁/ }).click();
  const unlock = finance.getByRole('dialog');
  await unlock.getByRole('textbox').fill('补录');
  await unlock.getByRole('button', { name: /解锁/ }).click();
  await expect(finance.getByText(`${QUARTER} 已解锁`)).toBeVisible();
  await expect(lockRow).toHaveCount(0);
});
