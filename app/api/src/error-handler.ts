// One place turns failures into answers: each known failure gets its status and a JSON
// body the page can show; anything else is a 500 that names its request id, which the
// log line carries too.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '../../shared/api-types.ts';
import { ApiFailure } from './api-failure.ts';
import { bugOn } from './bug-switches.ts';
import { isDependencyUnavailable } from './dependencies.ts';
import { isSchemaError } from './schema.ts';

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ApiFailure) {
    if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
    return reply.code(error.statusCode).send(error.body);
  }
  if (isSchemaError(error) && !bugOn(request, 'unchecked-schema')) {
    request.log.error({ err: error }, 'schema drift');
    // Postgres's own words stay in the log: health lists what is missing, to whoever runs it.
    return reply.code(503).send({
      error: 'schema_drift',
      message: 'The database schema is behind the code; run the migrations. Health lists what is missing.',
    } satisfies ApiErrorBody);
  }
  if (isDependencyUnavailable(error, { loginUnnamed: bugOn(request, 'database-login-unnamed') })) {
    request.log.error({ err: error }, 'dependency unavailable');
    return reply.code(503).send({
      error: 'unavailable',
      message: 'The service cannot reach its database or queue right now. Try again shortly.',
    } satisfies ApiErrorBody);
  }
  // Fastify's own refusals of a request (schema validation, unparsable or poisoned JSON,
  // wrong media type, too large) carry a 4xx: the client's fault, answered as such.
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return reply.code(error.statusCode).send({ error: 'bad_request', message: error.message } satisfies ApiErrorBody);
  }
  request.log.error({ err: error }, 'unhandled error');
  // The request id lets a user's report be matched to this log line.
  const body = JSON.stringify({
    error: 'internal',
    message: `Something went wrong on our side (request ${request.id}).`,
  } satisfies ApiErrorBody);
  if (bugOn(request, 'errors-skip-cors')) {
    // The original crash path answered outside the CORS layer, without its headers.
    reply.hijack();
    reply.raw.writeHead(500, { 'content-type': 'application/json', 'x-request-id': request.id }).end(body);
    return;
  }
  return reply.code(500).type('application/json').send(body);
}
