/**
 * One error shape for every failure: `{ error: { code, message, field? } }`. Bad input is always a
 * 4xx naming the field and what to do; only genuine server faults are 500, and their details stay
 * in the log (with the request id), never in the response.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodFastifySchemaValidationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorBody } from '../../shared/api/index.js';
import { LockedOutError } from '../auth/AuthService.js';

const STATUS: Record<string, number> = {
  bad_request: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  invalid_code: 401,
  one_time_password_expired: 401,
  code_already_used: 401,
  device_revoked: 401,
  not_signed_in: 401,
  forbidden: 403,
  account_disabled: 403,
  not_found: 404,
  conflict: 409,
  chain_broken: 409,
  // The vault (issue 10): an account held by someone else, mid-rotation, failed rotation, another site's.
  checked_out: 409,
  rotation_pending: 409,
  rotation_failed: 409,
  wrong_site: 409,
  not_checked_out: 409,
  lease_ended: 409,
  payload_too_large: 413,
  headers_too_large: 431,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export function statusFor(code: string): number {
  return STATUS[code] ?? 400;
}

function send(reply: FastifyReply, status: number, code: string, message: string, field?: string): FastifyReply {
  const body: ErrorBody = { error: { code, message, ...(field ? { field } : {}) } };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

const isDefaultZodMessage = (m: string) => /^(Invalid|Too (small|big)|Unrecognized|Expected)/.test(m);

/** Turns the first schema issue into `{ field, message }` a person can act on. */
export function describeValidation(
  v: ZodFastifySchemaValidationError,
  context: string | undefined,
): { field?: string; message: string } {
  const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const subject = field ? `"${field}"` : context === 'body' ? 'The request body' : 'The query string';
  const p = v.params as Record<string, unknown>;
  if (!isDefaultZodMessage(v.message ?? ''))
    return { ...(field ? { field } : {}), message: `${field || subject}: ${v.message}.` };
  let what: string;
  if (v.keyword === 'invalid_type' && /received undefined/.test(v.message ?? '')) what = 'is required';
  else if (v.keyword === 'invalid_type')
    what = `must be ${p.expected === 'object' ? 'a JSON object' : p.expected === 'int' ? 'a whole number' : `a ${String(p.expected)}`}`;
  else if (v.keyword === 'too_small') what = `must be at least ${String(p.minimum)}`;
  else if (v.keyword === 'too_big') what = `must be at most ${String(p.maximum)}`;
  else if (v.keyword === 'unrecognized_keys') what = `has unknown fields (${String(p.keys)})`;
  else what = `is not valid (${v.message})`;
  return { ...(field ? { field } : {}), message: `${subject} ${what}. Correct it and send the request again.` };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const { field, message } = describeValidation(err.validation[0]!, err.validationContext);
      return send(reply, 400, 'bad_request', message, field);
    }
    if (err instanceof LockedOutError) reply.header('Retry-After', String(err.retryAfterSeconds));
    if (err instanceof AppError) return send(reply, statusFor(err.code), err.code, err.message, err.field);
    const status = err.statusCode ?? 500;
    if (status === 413)
      return send(
        reply,
        413,
        'payload_too_large',
        `The request body is too large (limit ${Math.round((request.routeOptions.bodyLimit ?? 1_048_576) / 1024)} KB for this endpoint). Send less data per request.`,
      );
    if (status === 415)
      return send(
        reply,
        415,
        'unsupported_media_type',
        'Send the request body as JSON with "Content-Type: application/json".',
      );
    if (status >= 400 && status < 500) {
      const message = /JSON/i.test(err.message)
        ? 'The request body is not valid JSON. Fix the JSON and send it again.'
        : `The request could not be read (${err.code ?? 'bad request'}). Check it and try again.`;
      return send(reply, status, status === 404 ? 'not_found' : 'bad_request', message);
    }
    request.log.error({ err }, 'request failed');
    return send(
      reply,
      500,
      'internal',
      `Something went wrong on the server. Try again; if it keeps happening, give your administrator request id ${request.id}.`,
    );
  });

  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      404,
      'not_found',
      `There is no ${request.method} ${request.url.split('?')[0]} endpoint. Check the server address and that the app and server versions match.`,
    ),
  );
}

/**
 * Fastify's `frameworkErrors` option: errors raised while routing, before any hook or handler runs
 * (a URL whose percent-encoding does not decode, an over-long path parameter). Without it Fastify
 * answers in its own `{ statusCode, error, message }` shape.
 */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_BAD_URL' || err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void send(
      reply,
      400,
      'bad_request',
      'The request address is not valid (bad percent-encoding or too long). Check the URL.',
    );
    return;
  }
  void send(reply, 400, 'bad_request', `The request could not be routed (${err.code}). Check it and try again.`);
}

/**
 * Fastify's `clientErrorHandler` option: the HTTP parser rejected the request before Fastify saw it
 * (headers over Node's 16 KiB limit, a malformed request line, a timeout). It writes the answer on
 * the raw socket, in the same error shape as everything else, then closes the connection.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'headers_too_large',
          'The request headers are too large. Send fewer or shorter headers (cookies included).',
        ]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'timeout', 'The request took too long to arrive. Check the network and try again.']
        : [400, 'bad_request', 'The request is not valid HTTP. Check the client and try again.'];
  const body = JSON.stringify({ error: { code, message } } satisfies ErrorBody);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  socket.destroy(err);
}
