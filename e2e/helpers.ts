import { expect, type Page } from '@playwright/test';

/** Every demo login's password (`attain demo`). */
export const DEMO_PASSWORD = 'attain-demo';

/** Signs in through the login page (in Chinese, the default language) and waits for the home page. */
export async function signIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: /欢迎/ })).toBeVisible();
}

/** The side menu (a navigation landmark). */
export const sideMenu = (page: Page) => page.getByRole('navigation');

/** Rows of the data browser's table body (not the measure row antd adds). */
export const tableRows = (page: Page, testId = 'entity-table') =>
  page.getByTestId(testId).locator('tbody tr.ant-table-row');

/** A second server on an empty database, for the first-run page (playwright.config.ts). */
export const EMPTY_SERVER_URL = 'http://127.0.0.1:3219';

/** A side-menu entry by its text (antd prefixes the accessible name with the icon's name). */
export const menuItem = (page: Page, text: string) =>
  sideMenu(page).getByRole('menuitem', { name: new RegExp(`(^|\\s)${text}$`) });
