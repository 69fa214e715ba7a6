/**
 * Import templates (contract §1): the entity's columns as headers — the zh labels for zh-CN,
 * the canonical names for en — and two example rows that import cleanly into a company that
 * has the examples' units, people, products and customers.
 */
import type ExcelJS from 'exceljs';
import { ENTITIES, type EntityName } from '../entities/entities.ts';
import { csvText } from './csv-text.ts';

/** exceljs takes ~300 ms to load, so it loads on the first XLSX template, not when the server starts. */
let excelJs: Promise<typeof ExcelJS> | undefined;
const loadExcelJs = () => (excelJs ??= import('exceljs').then((module) => module.default));

export type TemplateLanguage = 'zh-CN' | 'en';
export type TemplateFormat = 'csv' | 'xlsx';

const EXAMPLES: Record<EntityName, Record<string, string>[]> = {
  units: [
    { id: 'HQ', name: '总部', parent_id: '', kind: 'company' },
    { id: 'EAST-1', name: '华东一组', parent_id: 'HQ', kind: 'team' },
  ],
  people: [
    {
      id: 'E001',
      name: '王芳',
      email: 'wang.fang@example.com',
      unit_id: 'EAST-1',
      role: 'manager',
      title: '销售经理',
      hire_date: '2021-03-01',
      leave_date: '',
      manager_id: '',
    },
    {
      id: 'E002',
      name: '李强',
      email: 'li.qiang@example.com',
      unit_id: 'EAST-1',
      role: 'rep',
      title: '销售代表',
      hire_date: '2024-07-15',
      leave_date: '',
      manager_id: 'E001',
    },
  ],
  unit_moves: [{ person_id: 'E002', unit_id: 'EAST-1', effective_from: '2026-08-01' }],
  products: [
    { id: 'P-STD', name: '标准版', line: '软件' },
    { id: 'P-SVC', name: '实施服务', line: '服务' },
  ],
  customers: [
    { id: 'C0001', name: '上海某某科技有限公司', type: 'enterprise', region: '华东' },
    { id: 'C0002', name: '杭州某某贸易公司', type: 'smb', region: '华东' },
  ],
  orders: [
    {
      id: 'SO-2026-0001',
      date: '2026-01-05',
      rep_id: 'E002',
      customer_id: 'C0001',
      product_id: 'P-STD',
      amount: '128000.00',
      cost: '76800.00',
    },
    {
      id: 'SO-2026-0002',
      date: '2026-01-09',
      rep_id: 'E002',
      customer_id: 'C0002',
      product_id: 'P-SVC',
      amount: '-3200.00',
      cost: '',
    },
  ],
  order_credits: [
    { order_id: 'SO-2026-0001', rep_id: 'E002', share: '0.7' },
    { order_id: 'SO-2026-0001', rep_id: 'E001', share: '0.3' },
  ],
  payments: [{ id: 'PAY-0001', date: '2026-02-10', order_id: 'SO-2026-0001', amount: '64000.00' }],
  activities: [
    { id: 'ACT-0001', date: '2026-01-03', rep_id: 'E002', type: 'visit', customer_id: 'C0001' },
    { id: 'ACT-0002', date: '2026-01-04', rep_id: 'E002', type: 'call', customer_id: '' },
  ],
  leads: [
    { id: 'L-0001', created_on: '2026-01-02', rep_id: 'E002', source: '展会', converted_on: '2026-01-20' },
    { id: 'L-0002', created_on: '2026-01-08', rep_id: 'E002', source: '官网', converted_on: '' },
  ],
  opportunities: [
    {
      id: 'OPP-0001',
      rep_id: 'E002',
      customer_id: 'C0001',
      created_on: '2025-11-01',
      amount: '150000.00',
      closed_on: '2026-01-05',
      won: 'true',
    },
    {
      id: 'OPP-0002',
      rep_id: 'E002',
      customer_id: 'C0002',
      created_on: '2026-01-10',
      amount: '20000.00',
      closed_on: '',
      won: '',
    },
  ],
  surveys: [
    { id: 'SV-0001', date: '2026-01-20', rep_id: 'E002', customer_id: 'C0001', kind: 'nps', score: '9' },
    { id: 'SV-0002', date: '2026-01-21', rep_id: 'E002', customer_id: 'C0001', kind: 'csat', score: '5' },
  ],
  complaints: [
    { id: 'CP-0001', date: '2026-01-25', rep_id: 'E002', customer_id: 'C0002', resolved_on: '2026-01-28' },
  ],
  goals: [
    {
      period: '2026-Q1',
      scope: 'E002',
      metric: 'revenue',
      value: '500000',
      product_line: '',
      customer_type: '',
      region: '',
      floor: '400000',
      stretch: '600000',
    },
    {
      period: '2026-Q1',
      scope: 'EAST-1',
      metric: 'visits',
      value: '120',
      product_line: '',
      customer_type: '',
      region: '',
      floor: '',
      stretch: '',
    },
  ],
};

/** The header row of a template in a language. */
export function templateHeaders(entity: EntityName, lang: TemplateLanguage): string[] {
  return ENTITIES[entity].columns.map((c) => (lang === 'zh-CN' ? c.zh : c.name));
}

/** The example rows of a template, in column order. */
export function templateExamples(entity: EntityName): string[][] {
  return EXAMPLES[entity].map((example) => ENTITIES[entity].columns.map((c) => example[c.name] ?? ''));
}

/** The file name of a template download, e.g. `订单-导入模板.xlsx` or `orders-template.csv`. */
export function templateFileName(entity: EntityName, lang: TemplateLanguage, format: TemplateFormat): string {
  return lang === 'zh-CN' ? `${ENTITIES[entity].zh}-导入模板.${format}` : `${entity}-template.${format}`;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function xlsxTemplate(entity: EntityName, rows: string[][]): Promise<Buffer> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(ENTITIES[entity].zh);
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  ENTITIES[entity].columns.forEach((column, i) => {
    // Text cells, so Excel keeps ids like 0012, dates and amounts exactly as typed.
    sheet.getColumn(i + 1).numFmt = '@';
    sheet.getColumn(i + 1).width = Math.max(
      12,
      column.zh.length * 2 + 4,
      ...rows.map((r) => (r[i] ?? '').length + 4),
    );
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A template file. CSV is UTF-8 with a BOM, so Excel opens the Chinese headers right.
 * @example await buildTemplate('orders', 'zh-CN', 'csv') // 订单编号,日期,销售员,… + 2 example rows
 */
export async function buildTemplate(
  entity: EntityName,
  lang: TemplateLanguage,
  format: TemplateFormat,
): Promise<Buffer> {
  const rows = [templateHeaders(entity, lang), ...templateExamples(entity)];
  if (format === 'xlsx') return xlsxTemplate(entity, rows);
  return Buffer.concat([UTF8_BOM, Buffer.from(csvText(rows), 'utf8')]);
}
