import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { menuItem, signIn, tableRows } from './helpers.ts';

const fixture = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name);

test('admin imports products: a bad file is refused row by row, the fixed one lands', async ({ page }) => {
  await signIn(page, 'admin');
  await menuItem(page, '数据导入').click();
  // antd's select lists its options virtually: type to narrow it, then pick with Enter.
  await page.getByLabel('数据类型').fill('产品');
  await page.getByLabel('数据类型').press('Enter');
  await expect(page.getByRole('link', { name: 'CSV 模板' })).toHaveAttribute(
    'href',
    /templates\/products\?lang=zh-CN&format=csv/,
  );

  // Choosing a file only previews it: Chinese headers map to fields, the unknown one is flagged.
  await page.locator('input[type=file]').setInputFiles(fixture('products-with-errors.csv'));
  const preview = page.getByTestId('preview-table');
  await expect(preview).toContainText('产品编号');
  await expect(preview).toContainText('→ 产品名称 (name)');
  await expect(preview.getByRole('columnheader', { name: /^备注.*未识别/ })).toBeVisible();

  await page.getByRole('button', { name: '正式导入' }).click();
  const errors = page.getByTestId('import-errors');
  await expect(errors).toBeVisible();
  await expect(page.getByText('没有写入任何数据')).toBeVisible();
  // Row numbers as a spreadsheet shows them (header = row 1): row 3 lacks a name, row 4 repeats an id.
  const missingName = errors.locator('tbody tr', { hasText: '产品名称 (name)' });
  await expect(missingName).toHaveCount(1);
  await expect(missingName.locator('td').first()).toHaveText('3');
  const duplicateId = errors.locator('tbody tr', { hasText: 'E2E-P1' });
  await expect(duplicateId).toHaveCount(1);
  await expect(duplicateId.locator('td').first()).toHaveText('4');

  await page.locator('input[type=file]').setInputFiles(fixture('products-fixed.csv'));
  await expect(page.getByTestId('chosen-file')).toContainText('products-fixed.csv');
  await expect(page.getByTestId('preview-table')).toContainText('测试产品二');
  // A dry run checks the whole file and writes nothing.
  await page.getByRole('button', { name: /试导入/ }).click();
  await expect(page.getByText('检查通过：文件可以导入')).toBeVisible();
  await page.getByRole('button', { name: '正式导入' }).click();
  await expect(page.getByText('导入成功')).toBeVisible();
  await expect(page.getByTestId('stat-inserted')).toContainText('3');
  await expect(page.getByTestId('stat-rows')).toContainText('3');

  await page.getByRole('link', { name: /查看数据/ }).click();
  await expect(page).toHaveURL(/\/data\/products$/);
  await page.getByLabel('搜索').fill('测试产品二');
  await page.getByLabel('搜索').press('Enter');
  await expect(tableRows(page)).toHaveCount(1);
  await expect(tableRows(page).first()).toContainText('E2E-P2');
  await expect(tableRows(page).first()).toContainText('测试线');
});
