import { z } from 'zod';
import type { RouteModule } from '../../http/context.ts';
import { resolveScope } from '../access/request-scope.ts';
import { requireActor, requireRole } from '../auth/actor.ts';
import { approvalStatusOf, approveClose } from './approvals.service.ts';
import { type CloseJobProgress, CloseJobs } from './close-jobs.ts';
import { presentCloseRun, visibleChanges } from './closes.presenter.ts';
import { listCloseRuns } from './closes.repository.ts';
import { closeRunDiff, requireCloseRun, runAndStoreClose } from './closes.service.ts';
import { payrollCsv, payrollTable, payrollXlsx } from './payroll.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const runBody = z.object({
  period: z.string().min(1),
  asOf: z.iso.date().optional(),
  reason: z.string().trim().min(1).max(500).optional(),
  background: z.boolean().optional(),
});
const jobParams = z.object({ jobId: z.string().min(1) });
const listQuery = z.object({ period: z.string().min(1).optional() });
const approveBody = z.object({ comment: z.string().max(500).optional() }).optional();

/** Close runs, approvals and payroll export (docs/pay.md). */
export const closesRoutes: RouteModule = (app, ctx) => {
  const jobs = new CloseJobs();

  /** Runs a close; with `background: true` answers 202 with a job to poll (GET /closes/jobs/:jobId). */
  app.post('/closes', { schema: { tags: ['closes'], body: runBody } }, async (request, reply) => {
    const actor = requireActor(request.actor);
    requireRole(actor, 'finance', 'admin');
    const { today } = await resolveScope(ctx, actor);
    const { period, asOf, reason, background } = request.body;
    const run = (report: (progress: CloseJobProgress) => void) =>
      runAndStoreClose(ctx, actor, { period, asOf: asOf ?? today, reason: reason ?? null }, report);
    if (background) return reply.status(202).send({ job: jobs.start(period, actor, run) });
    return reply.status(201).send(await run(() => {}));
  });

  app.get('/closes/jobs/:jobId', { schema: { tags: ['closes'], params: jobParams } }, async (request) => ({
    job: jobs.get(request.params.jobId, requireActor(request.actor)),
  }));

  app.get('/closes', { schema: { tags: ['closes'], querystring: listQuery } }, async (request) => ({
    runs: await listCloseRuns(ctx.db.kysely, request.query.period),
  }));

  app.get('/closes/:id', { schema: { tags: ['closes'], params: idParams } }, async (request) => {
    const actor = requireActor(request.actor);
    const { dir, scope, today } = await resolveScope(ctx, actor);
    const run = await requireCloseRun(ctx, request.params.id);
    return presentCloseRun(run, await approvalStatusOf(ctx.db.kysely, dir, run, today), actor, scope);
  });

  app.get('/closes/:id/diff', { schema: { tags: ['closes'], params: idParams } }, async (request) => {
    const actor = requireActor(request.actor);
    const { scope } = await resolveScope(ctx, actor);
    const run = await requireCloseRun(ctx, request.params.id);
    const { previous, changes } = await closeRunDiff(ctx, run);
    return {
      id: run.id,
      previousId: previous?.id ?? null,
      changes: visibleChanges(run, previous, changes, actor, scope),
    };
  });

  app.post(
    '/closes/:id/approve',
    { schema: { tags: ['closes'], params: idParams, body: approveBody } },
    async (request) => {
      const actor = requireActor(request.actor);
      const { dir, today } = await resolveScope(ctx, actor);
      const comment = request.body?.comment ?? null;
      return approveClose(ctx.db.kysely, dir, actor, request.params.id, today, comment, ctx.now());
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/closes/:id/payroll.${format}`,
      { schema: { tags: ['closes'], params: idParams } },
      async (request, reply) => {
        const actor = requireActor(request.actor);
        requireRole(actor, 'finance', 'admin');
        const run = await requireCloseRun(ctx, request.params.id);
        const table = payrollTable(run.json, await ctx.facts.directory());
        reply.header(
          'content-disposition',
          `attachment; filename="payroll-${run.period}-run${run.id}.${format}"`,
        );
        if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(`\ufeff${payrollCsv(table)}`);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(await payrollXlsx(run.period, table));
      },
    );
  }
};
