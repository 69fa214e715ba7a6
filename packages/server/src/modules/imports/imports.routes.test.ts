import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, expect, it } from 'vitest';
import { type Client, useTestApp } from '../../../test/app.ts';
import { describeDb } from '../../../test/db.ts';
import { csvText, seedCompany } from './fixtures/files.ts';

const ORDERS = [
  ['订单编号', '日期', '销售员', '客户编号', '产品编号', '金额', '备注'],
  ['O1', '2026-01-05', 'R1', 'C1', 'P1', '100.00', 'x'],
  ['O2', '2026-01-06', 'R2', 'C1', 'P1', '250', ''],
];

function form(fields: Record<string, string>, file?: { name: string; bytes: Buffer | string }): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  if (file) data.append('file', new Blob([file.bytes]), file.name);
  return data;
}

async function waitForJob(client: Client, jobId: string) {
  for (let i = 0; i < 200; i++) {
    const response = await client.get(`/api/v1/imports/jobs/${jobId}`);
    if (response.statusCode !== 200 || response.json().state !== 'running') return response;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('import job did not finish');
}

describeDb('imports API', () => {
  const t = useTestApp();
  beforeAll(() => seedCompany(t.db));

  it('previews an upload: encoding, header mapping, first rows', async () => {
    const finance = await t.signIn({ login: 'finance', role: 'finance' });
    const bytes = iconv.encode(csvText(ORDERS), 'gb18030');
    const response = await finance.post(
      '/api/v1/imports/orders/preview',
      form({}, { name: 'orders.csv', bytes }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      encoding: 'gb18030',
      columns: [
        { header: '订单编号', column: 'id' },
        { header: '日期', column: 'date' },
        { header: '销售员', column: 'rep_id' },
        { header: '客户编号', column: 'customer_id' },
        { header: '产品编号', column: 'product_id' },
        { header: '金额', column: 'amount' },
        { header: '备注', column: null },
      ],
      rows: [ORDERS[1], ORDERS[2]],
      warnings: ['column "备注" is not a column of orders: ignored'],
    });
  });

  it('runs an import job (fields after the file too) and reports; a dry run writes nothing', async () => {
    const finance = await t.signIn({ login: 'finance', role: 'finance' });
    const dataForm = new FormData();
    dataForm.append('file', new Blob([csvText(ORDERS)]), 'orders.csv');
    dataForm.append('dryRun', 'true');
    const dry = await finance.post('/api/v1/imports/orders', dataForm);
    expect(dry.statusCode).toBe(202);
    const dryJob = (await waitForJob(finance, dry.json().jobId)).json();
    expect(dryJob).toMatchObject({
      entity: 'orders',
      state: 'done',
      error: null,
      progress: { phase: 'done', rows: 2 },
    });
    expect(dryJob.report).toMatchObject({ ok: true, dryRun: true, inserted: 2, source: 'orders.csv' });
    expect(await t.db.kysely.selectFrom('orders').selectAll().execute()).toEqual([]);

    const started = await finance.post(
      '/api/v1/imports/orders',
      form({ dryRun: 'false' }, { name: 'orders.csv', bytes: csvText(ORDERS) }),
    );
    const job = (await waitForJob(finance, started.json().jobId)).json();
    expect(job.report).toMatchObject({
      ok: true,
      dryRun: false,
      rows: 2,
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
    expect((await t.db.kysely.selectFrom('orders').select('id').execute()).length).toBe(2);
  });

  it('previews an XLSX upload with typed cells shown as text', async () => {
    const finance = await t.signIn({ login: 'finance', role: 'finance' });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('订单');
    sheet.addRow(['订单编号', '日期', '金额']);
    sheet.addRow(['O1', new Date(Date.UTC(2026, 0, 5)), 1234.5]).getCell(2).numFmt = 'yyyy-mm-dd';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await finance.post(
      '/api/v1/imports/orders/preview',
      form({}, { name: 'o.xlsx', bytes }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ encoding: 'utf-8', rows: [['O1', '2026-01-05', '1234.5']] });
    expect(response.json().warnings).toContain('the required column rep_id (销售员) is missing');
  });

  it('reports bad rows of an XLSX upload in the job', async () => {
    const admin = await t.signIn({ login: 'admin', role: 'admin' });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('x');
    sheet.addRow(['id', 'name', 'line']);
    sheet.addRow(['P2', '', 'B']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const started = await admin.post('/api/v1/imports/products', form({}, { name: '产品.xlsx', bytes }));
    const job = (await waitForJob(admin, started.json().jobId)).json();
    expect(job.state).toBe('done');
    expect(job.report.ok).toBe(false);
    expect(job.report.errors).toEqual([
      { row: 2, column: 'name', value: '', reason: 'is required but empty' },
    ]);
  });

  it('lets HR import the organisation but not facts; a rep imports nothing', async () => {
    const hr = await t.signIn({ login: 'hr', role: 'hr' });
    const rep = await t.signIn({ login: 'rep', role: 'rep', personId: 'R1' });
    const units = form(
      {},
      {
        name: 'u.csv',
        bytes: csvText([
          ['id', 'name', 'parent_id'],
          ['T3', '三组', 'HQ'],
        ]),
      },
    );
    expect((await hr.post('/api/v1/imports/units', units)).statusCode).toBe(202);
    const orders = await hr.post(
      '/api/v1/imports/orders',
      form({}, { name: 'o.csv', bytes: csvText(ORDERS) }),
    );
    expect(orders.statusCode).toBe(403);
    expect(orders.json().error.code).toBe('forbidden');
    const byRep = await rep.post(
      '/api/v1/imports/units',
      form({}, { name: 'u.csv', bytes: csvText(ORDERS) }),
    );
    expect(byRep.statusCode).toBe(403);
    expect(
      (await rep.post('/api/v1/imports/orders/preview', form({}, { name: 'o.csv', bytes: 'x' }))).statusCode,
    ).toBe(403);
  });

  it('hides a job from other users but not from an admin', async () => {
    const finance = await t.signIn({ login: 'finance', role: 'finance' });
    const other = await t.signIn({ login: 'finance2', role: 'finance' });
    const admin = await t.signIn({ login: 'admin', role: 'admin' });
    const started = await finance.post(
      '/api/v1/imports/products',
      form(
        {},
        {
          name: 'p.csv',
          bytes: csvText([
            ['id', 'name', 'line'],
            ['P1', '标准版', 'A'],
          ]),
        },
      ),
    );
    const jobId = started.json().jobId;
    await waitForJob(finance, jobId);
    expect((await other.get(`/api/v1/imports/jobs/${jobId}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/imports/jobs/${jobId}`)).json().report).toMatchObject({
      ok: true,
      unchanged: 1,
    });
    expect((await finance.get('/api/v1/imports/jobs/nope')).statusCode).toBe(404);
  });

  it('refuses an upload without a file, an unknown entity and an unknown encoding', async () => {
    const finance = await t.signIn({ login: 'finance', role: 'finance' });
    const noFile = await finance.post('/api/v1/imports/orders', form({ dryRun: 'true' }));
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error).toMatchObject({ code: 'validation_failed', field: 'file' });
    expect(
      (await finance.post('/api/v1/imports/unicorns', form({}, { name: 'a.csv', bytes: 'a' }))).statusCode,
    ).toBe(400);
    const badEncoding = await finance.post(
      '/api/v1/imports/orders',
      form({ encoding: 'klingon' }, { name: 'a.csv', bytes: 'a' }),
    );
    expect(badEncoding.statusCode).toBe(400);
  });

  it('downloads templates in Chinese and English, CSV and XLSX', async () => {
    const rep = await t.signIn({ login: 'rep', role: 'rep', personId: 'R1' });
    const zh = await rep.get('/api/v1/imports/templates/orders?lang=zh-CN&format=csv');
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(zh.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('订单-导入模板.csv')}`,
    );
    expect(zh.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(zh.body.slice(1).split('\r\n')[0]).toBe('订单编号,日期,销售员,客户编号,产品编号,金额,成本');
    const en = await rep.get('/api/v1/imports/templates/orders?lang=en&format=xlsx');
    expect(en.headers['content-disposition']).toContain('filename="orders-template.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    const header = workbook.worksheets[0]?.getRow(1);
    expect(header?.values).toEqual([
      undefined,
      'id',
      'date',
      'rep_id',
      'customer_id',
      'product_id',
      'amount',
      'cost',
    ]);
    expect(header?.font?.bold).toBe(true);
  });
});
