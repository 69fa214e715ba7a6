import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { describeDb, useTestDb } from '../../../test/db.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { ENTITIES, ENTITY_NAMES, IMPORT_ORDER } from '../entities/entities.ts';
import { useTempDir } from './fixtures/files.ts';
import { importFile } from './import.service.ts';
import { buildTemplate, templateExamples, templateFileName, templateHeaders } from './templates.ts';

describe('import templates', () => {
  it.each(ENTITY_NAMES)('%s: zh labels or canonical names, one to two example rows', (entity) => {
    expect(templateHeaders(entity, 'zh-CN')).toEqual(ENTITIES[entity].columns.map((c) => c.zh));
    expect(templateHeaders(entity, 'en')).toEqual(ENTITIES[entity].columns.map((c) => c.name));
    const examples = templateExamples(entity);
    expect(examples.length).toBeGreaterThanOrEqual(1);
    expect(examples.length).toBeLessThanOrEqual(2);
  });

  it('names downloads after the entity', () => {
    expect(templateFileName('orders', 'zh-CN', 'xlsx')).toBe('订单-导入模板.xlsx');
    expect(templateFileName('orders', 'en', 'csv')).toBe('orders-template.csv');
  });

  it('writes an XLSX with a bold header row', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildTemplate('goals', 'zh-CN', 'xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('目标');
    expect(sheet.getRow(1).getCell(1).value).toBe('周期');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(3);
  });
});

describeDb('import templates import cleanly', () => {
  const t = useTestDb();
  const tmp = useTempDir();

  it('every zh-CN CSV template imports into an empty database, in import order; the en XLSX ones then change nothing', async () => {
    for (const [lang, format] of [
      ['zh-CN', 'csv'],
      ['en', 'xlsx'],
    ] as const) {
      for (const entity of IMPORT_ORDER) {
        const file = path.join(tmp.dir, templateFileName(entity, lang, format));
        fs.writeFileSync(file, await buildTemplate(entity, lang, format));
        const report = await importFile(t.db, file, { entity, actor: SYSTEM_ACTOR, source: file });
        expect(report.errors, `${entity} ${lang} ${format}`).toEqual([]);
        expect(report.warnings).toEqual([]);
        const examples = templateExamples(entity).length;
        expect(report).toMatchObject(lang === 'zh-CN' ? { inserted: examples } : { unchanged: examples });
      }
    }
  });
});
