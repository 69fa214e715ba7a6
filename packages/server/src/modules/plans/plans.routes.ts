import { z } from 'zod';
import type { RouteModule } from '../../http/context.ts';
import { requireActor, requireRole } from '../auth/actor.ts';
import { liveCloseSources } from '../closes/closes.service.ts';
import { planFileOf, previewPlan } from './plans.preview.service.ts';
import { listPlanVersions } from './plans.repository.ts';
import { applyPlan, diffPlanVersions, requirePlanVersion } from './plans.service.ts';

const versionParams = z.object({ version: z.coerce.number().int().positive() });
const diffQuery = z.object({ against: z.coerce.number().int().positive().optional() });
const previewBody = z.object({ yaml: z.string().min(1).max(200_000) });
const applyBody = z.object({ yaml: z.string().min(1), note: z.string().max(500).optional() });

/**
 * Plan versions (docs/pay.md). Everyone signed in may read the plan (reps are paid by it);
 * finance and admin apply new versions and preview drafts.
 */
export const plansRoutes: RouteModule = (app, ctx) => {
  app.get('/plans', { schema: { tags: ['plans'] } }, async () => ({
    versions: await listPlanVersions(ctx.db.kysely),
  }));

  /** With `file`: the plan in the file's shape (decimals as text), what the designer's form edits. */
  app.get('/plans/:version', { schema: { tags: ['plans'], params: versionParams } }, async (request) => {
    const found = await requirePlanVersion(ctx.db.kysely, request.params.version);
    return { ...found, file: planFileOf(found.plan) };
  });

  app.get(
    '/plans/:version/diff',
    { schema: { tags: ['plans'], params: versionParams, querystring: diffQuery } },
    async (request) => diffPlanVersions(ctx.db.kysely, request.params.version, request.query.against),
  );

  app.post('/plans', { schema: { tags: ['plans'], body: applyBody } }, async (request, reply) => {
    const actor = requireActor(request.actor);
    requireRole(actor, 'finance', 'admin');
    const applied = await applyPlan(
      ctx.db.kysely,
      actor,
      request.body.yaml,
      request.body.note ?? null,
      ctx.now(),
    );
    return reply.status(201).send(applied);
  });

  /** A draft's close on the last closed period beside the stored run; nothing is stored. */
  app.post('/plans/preview', { schema: { tags: ['plans'], body: previewBody } }, async (request) => {
    requireRole(requireActor(request.actor), 'finance', 'admin');
    return previewPlan(await liveCloseSources(ctx), request.body.yaml);
  });
};
