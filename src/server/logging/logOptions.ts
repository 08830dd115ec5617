/**
 * Pino options for the server. Redaction removes every secret-bearing field wherever it appears
 * (headers, bodies, nested objects); URLs never carry secrets by design (tokens go in headers and
 * bodies only), but query strings carry caller phone numbers and e-mail addresses (`/v1/lookup?phone=`),
 * so request lines log the path only. Logs go to the given stream (stderr in the CLI, a capture stream in tests).
 */
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...[
    'password',
    'newPassword',
    'currentPassword',
    'accessToken',
    'refreshToken',
    'token',
    'secret',
    'authorization',
    'smsCode',
    'verificationCode',
    'otp',
    'totp',
    'mfaToken',
    'passwordChangeToken',
    'recoveryCode',
    'recoveryCodes',
    'otpauthUri',
    'qrCodeDataUrl',
  ].flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
  // A bare `code` is only secret in request bodies (SMS/TOTP codes); elsewhere it is an error code worth keeping.
  'code',
  'body.code',
  '*.body.code',
];

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's request serializer without the query string: lookups put caller PII there. */
export function serializeRequest(req: LoggedRequest): Record<string, unknown> {
  const url = typeof req.url === 'string' ? req.url : '';
  const q = url.indexOf('?');
  return {
    method: req.method,
    url: q === -1 ? url : url.slice(0, q),
    ...(q === -1 ? {} : { query: '[omitted]' }),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

export function logOptions(level: string): LoggerOptions {
  return {
    level,
    serializers: { req: serializeRequest },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'callsign-server' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
}

export function createLogger(level: string, stream: DestinationStream): Logger {
  return pino(logOptions(level), stream);
}
