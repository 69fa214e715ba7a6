import { expect, type Page, test } from '@playwright/test';
import { menuItem, signIn, tableRows } from './helpers.ts';

const usersTable = (page: Page) => tableRows(page, 'users-table');

test('an admin replaces a rep’s login: the old one is disabled, the new one signs in as the same person', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await menuItem(page, '用户账号').click();
  await expect(page).toHaveURL(/\/users$/);
  await page.getByLabel('搜索登录名、姓名或工号').fill('S0117');
  const old = usersTable(page).filter({ hasText: 'S0117' });
  await expect(old).toHaveCount(1);
  await expect(old).toContainText('销售代表');
  await expect(old).toContainText('启用');
  const personName = ((await old.locator('td').nth(1).textContent()) ?? '').trim();

  await old.getByRole('button', { name: '停用' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '停用' }).click();
  await expect(page.getByText('已停用 S0117')).toBeVisible();
  await expect(old).toContainText('已停用');

  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('关联人员').fill('S0117');
  await page.locator('.ant-select-item-option', { hasText: 'S0117' }).click();
  await expect(dialog.getByLabel('登录名')).toHaveValue('S0117'); // the person's id, until typed over
  await dialog.getByLabel('登录名').fill('zhang.s0117');
  await dialog.getByLabel('初始密码').fill('a-new-password-1');
  await dialog.getByLabel('确认密码').fill('a-new-password-1');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已创建账号 zhang.s0117')).toBeVisible();
  await page.getByLabel('搜索登录名、姓名或工号').fill('zhang');
  await expect(usersTable(page).filter({ hasText: 'zhang.s0117' })).toContainText(personName);

  await page.getByRole('button', { name: '退出登录' }).click();
  // Wait for the sign-in page: until then the logins page (its search box, its 登录名 column) is still there.
  await expect(page.getByRole('heading', { name: '登录达成' })).toBeVisible();
  await page.getByLabel('登录名').fill('S0117');
  await page.getByLabel('密码').fill('attain-demo');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('登录名或密码错误')).toBeVisible(); // the disabled login is refused
  await signIn(page, 'zhang.s0117', 'a-new-password-1');
  await expect(page.getByRole('heading', { name: `欢迎，${personName}` })).toBeVisible();
  await expect(page.getByTestId('current-user')).toContainText('销售代表');
});

test('the only enabled admin cannot disable itself, and a rep has no logins page', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/users');
  await page.getByLabel('搜索登录名、姓名或工号').fill('admin');
  const self = usersTable(page).filter({ hasText: '当前登录' });
  await expect(self).toHaveCount(1);
  await self.getByRole('button', { name: '停用' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '停用' }).click();
  await expect(page.getByText('这是唯一启用的管理员账号：请先把另一个账号设为管理员')).toBeVisible();
  await expect(self).toContainText('启用');
  await expect(self).not.toContainText('已停用');

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '登录达成' })).toBeVisible(); // signed out before the next sign-in
  await signIn(page, 'S0001');
  await expect(menuItem(page, '用户账号')).toHaveCount(0);
  await page.goto('/users');
  await expect(page.getByText('您没有权限查看此页面')).toBeVisible();
});
