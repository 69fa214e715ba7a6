import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { describeDb } from '../../../test/db.ts';

describeDb('XLSX export of a table', () => {
  const t = useTestApp();

  it('turns posted rows into a typed workbook', async () => {
    const client = await t.signIn({ login: 'fin', role: 'finance' });
    const response = await client.post('/api/v1/exports/xlsx', {
      fileName: '排行榜 2026',
      sheetName: '排行榜',
      columns: [
        { key: 'name', title: '姓名' },
        { key: 'revenue', title: '销售额', type: 'money' },
        { key: 'attainment', title: '达成率', type: 'percent' },
      ],
      rows: [
        { name: '张三', revenue: '1234.50', attainment: 0.95 },
        { name: '李四', revenue: null, attainment: null },
      ],
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('排行榜 2026.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('排行榜');
    expect(sheet?.getRow(1).values).toEqual([undefined, '姓名', '销售额', '达成率']);
    expect(sheet?.getRow(2).values).toEqual([undefined, '张三', 1234.5, 0.95]);
  });

  it('needs a session and a valid body', async () => {
    expect(
      (await t.anonymous().post('/api/v1/exports/xlsx', { fileName: 'x', columns: [], rows: [] })).statusCode,
    ).toBe(401);
    const client = await t.signIn({ login: 'rep', role: 'rep' });
    const bad = await client.post('/api/v1/exports/xlsx', { fileName: 'x', columns: [], rows: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('columns');
  });
});
