/**
 * Import over HTTP: templates, a preview of an upload, and background import jobs whose
 * progress and report the starter polls. Handlers stay thin: parse → authorize → service.
 */
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import type { RouteModule } from '../../http/context.ts';
import { type Actor, requireActor } from '../auth/actor.ts';
import { ENTITIES, ENTITY_NAMES, type EntityName } from '../entities/entities.ts';
import { checkEncodingName } from './detect-encoding.ts';
import { type ImportProgress, importFile } from './import.service.ts';
import { ImportJobs } from './import-jobs.ts';
import { canReadJob, requireImportRole } from './import-policy.ts';
import { previewFile } from './preview.ts';
import { buildTemplate, templateFileName } from './templates.ts';
import { receiveUpload, type Upload } from './upload.ts';

const entityParams = z.object({ entity: z.enum(ENTITY_NAMES) });

const progressSchema = z.object({
  phase: z.enum(['reading', 'validating', 'writing', 'done']),
  rows: z.number(),
  bytesRead: z.number().optional(),
  totalBytes: z.number().optional(),
});

const reportSchema = z.object({
  entity: z.enum(ENTITY_NAMES),
  source: z.string(),
  dryRun: z.boolean(),
  ok: z.boolean(),
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  warnings: z.array(z.string()),
  errors: z.array(z.object({ row: z.number(), column: z.string(), value: z.string(), reason: z.string() })),
});

const jobSchema = z.object({
  id: z.string(),
  entity: z.enum(ENTITY_NAMES),
  state: z.enum(['running', 'done', 'failed']),
  progress: progressSchema,
  report: reportSchema.nullable(),
  error: z.string().nullable(),
});

const previewSchema = z.object({
  encoding: z.string(),
  columns: z.array(z.object({ header: z.string(), column: z.string().nullable() })),
  rows: z.array(z.array(z.string())),
  warnings: z.array(z.string()),
});

const uploadFields = z.object({
  encoding: z.string().trim().min(1).optional(),
  dryRun: z.enum(['true', 'false']).optional(),
  /** Why goals of a locked period change (goals only). */
  reason: z.string().trim().max(500).optional(),
});

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so Chinese file names survive. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function uploadOptions(upload: Upload) {
  const parsed = uploadFields.safeParse(upload.fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'validation_failed',
      `invalid field: ${issue?.message ?? 'invalid'}`,
      String(issue?.path[0] ?? ''),
    );
  }
  const encoding = parsed.data.encoding === undefined ? undefined : checkEncodingName(parsed.data.encoding);
  return { encoding, dryRun: parsed.data.dryRun === 'true', reason: parsed.data.reason };
}

/** Starts the background import of an upload; the job removes the upload when it ends. */
function startUploadImport(jobs: ImportJobs, db: Db, actor: Actor, entity: EntityName, upload: Upload) {
  let options: ReturnType<typeof uploadOptions>;
  try {
    options = uploadOptions(upload);
  } catch (error) {
    void upload.remove();
    throw error;
  }
  const { encoding, dryRun, reason } = options;
  const run = (onProgress: (p: ImportProgress) => void) =>
    importFile(db, upload.filePath, {
      entity,
      actor,
      source: upload.fileName,
      dryRun,
      reason,
      onProgress,
      ...(encoding ? { encoding } : {}),
    });
  return jobs.start(entity, actor, run, upload.remove);
}

export const importRoutes: RouteModule = (app, ctx) => {
  const jobs = new ImportJobs();
  app.addHook('onClose', () => jobs.settle());

  app.get(
    '/imports/templates/:entity',
    {
      schema: {
        tags: ['imports'],
        params: entityParams,
        querystring: z.object({
          lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
          format: z.enum(['csv', 'xlsx']).default('xlsx'),
        }),
      },
    },
    async (request, reply) => {
      requireActor(request.actor);
      const { entity } = request.params;
      const { lang, format } = request.query;
      const body = await buildTemplate(entity, lang, format);
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', attachment(templateFileName(entity, lang, format)))
        .send(body);
    },
  );

  app.post(
    '/imports/:entity/preview',
    { schema: { tags: ['imports'], params: entityParams, response: { 200: previewSchema } } },
    async (request) => {
      requireImportRole(requireActor(request.actor), request.params.entity);
      const upload = await receiveUpload(request);
      try {
        const { encoding } = uploadOptions(upload);
        return await previewFile(upload.filePath, ENTITIES[request.params.entity], encoding);
      } finally {
        await upload.remove();
      }
    },
  );

  app.post(
    '/imports/:entity',
    {
      schema: { tags: ['imports'], params: entityParams, response: { 202: z.object({ jobId: z.string() }) } },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      requireImportRole(actor, request.params.entity);
      const upload = await receiveUpload(request);
      const job = startUploadImport(jobs, ctx.db, actor, request.params.entity, upload);
      return reply.status(202).send({ jobId: job.id });
    },
  );

  app.get(
    '/imports/jobs/:jobId',
    { schema: { tags: ['imports'], params: z.object({ jobId: z.string() }), response: { 200: jobSchema } } },
    async (request) => {
      const actor = requireActor(request.actor);
      const job = jobs.find(request.params.jobId);
      // Someone else's job is as invisible as a missing one.
      if (!job || !canReadJob(actor, job.ownerUserId)) throw notFound('import job');
      const { ownerUserId: _owner, ...view } = job;
      return view;
    },
  );
};
