import { splitMetricList } from '@attain/engine';
import { z } from 'zod';
import type { RouteModule } from '../../http/context.ts';
import { canSeePerson, type DataScope } from '../access/data-scope.ts';
import { resolveScope } from '../access/request-scope.ts';
import { requireActor } from '../auth/actor.ts';
import { buildMetricsReport } from './metrics-report.service.ts';
import { metricsReportCsv, metricsReportXlsx } from './metrics-report.table.ts';

const querySchema = z.object({
  period: z.string().min(1),
  metrics: z.string().optional(),
  by: z.enum(['person', 'unit']).default('person'),
  scope: z.string().optional(),
  asOf: z.iso.date().optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

/** Rows a scope may see: visible people; units of the managed subtree (contract-free policy). */
const rowFilter = (scope: DataScope) => (kind: 'person' | 'unit', id: string) =>
  kind === 'person' ? canSeePerson(scope, id) : scope.kind === 'all' || scope.units.has(id);

export const reportsRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/reports/metrics',
    { schema: { tags: ['reports'], querystring: querySchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const { scope, today } = await resolveScope(ctx, actor);
      const { metrics, asOf, format, ...rest } = request.query;
      const report = await buildMetricsReport(
        ctx.db.kysely,
        await ctx.facts.current(),
        { ...rest, metrics: metrics ? splitMetricList(metrics) : undefined, asOf: asOf ?? today },
        rowFilter(scope),
      );
      if (format === 'json') return report;
      const name = `metrics-${report.period}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'csv')
        return reply.type('text/csv; charset=utf-8').send(`\ufeff${metricsReportCsv(report)}`);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await metricsReportXlsx(report));
    },
  );
};
