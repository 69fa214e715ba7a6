import { z } from 'zod';
import type { RouteModule } from '../../http/context.ts';
import { requireActor } from '../auth/actor.ts';
import { tableToXlsx } from './table-xlsx.ts';

export const MAX_EXPORT_ROWS = 100_000;

const bodySchema = z.object({
  fileName: z.string().trim().min(1).max(100),
  sheetName: z.string().trim().max(100).default('Sheet1'),
  columns: z
    .array(
      z.object({
        key: z.string().min(1),
        title: z.string(),
        type: z.enum(['text', 'number', 'money', 'percent', 'date']).optional(),
      }),
    )
    .min(1)
    .max(200),
  rows: z
    .array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])))
    .max(MAX_EXPORT_ROWS),
});

/**
 * Export of any table the web shows to XLSX: the page posts the rows it displays (which the
 * API already filtered by data scope), the server turns them into a workbook. One endpoint
 * instead of an export variant of every table.
 */
export const exportsRoutes: RouteModule = (app) => {
  app.post(
    '/exports/xlsx',
    { schema: { tags: ['exports'], body: bodySchema }, bodyLimit: 50 * 1024 * 1024 },
    async (request, reply) => {
      requireActor(request.actor);
      const { fileName, sheetName, columns, rows } = request.body;
      const safeName = `${fileName.replace(/[^\p{L}\p{N}._ -]/gu, '_')}.xlsx`;
      reply.header(
        'content-disposition',
        `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(safeName)}`,
      );
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await tableToXlsx(sheetName, columns, rows));
    },
  );
};
