import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, httpStatusOf } from '../errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}

/** The one error handler: `{ "error": { "code", "message", "field"? } }` for every failure. */
export function handleError(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.field) body.error.field = error.field;
    if (error.details !== undefined) body.error.details = error.details;
    return reply.status(httpStatusOf(error.code)).send(body);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const path = first?.instancePath?.replace(/^\//, '').replace(/\//g, '.');
    const body: ErrorBody = {
      error: {
        code: 'validation_failed',
        message: `${error.validationContext ?? 'request'}: ${first?.message ?? 'invalid'}`,
      },
    };
    if (path) body.error.field = String(path);
    return reply.status(400).send(body);
  }
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) request.log.error(error);
  const code = status === 500 ? 'internal' : (error.code ?? 'bad_request').toLowerCase();
  return reply
    .status(status)
    .send({ error: { code, message: status === 500 ? 'internal error' : error.message } });
}
