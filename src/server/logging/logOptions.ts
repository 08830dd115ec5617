/**
 * Pino options for the server. Redaction removes every secret-bearing field wherever it appears
 * (headers, bodies, nested objects); URLs never carry secrets by design (tokens go in headers and
 * bodies only). Logs go to the given stream (stderr in the CLI, a capture stream in tests).
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

export function logOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'callsign-server' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
}

export function createLogger(level: string, stream: DestinationStream): Logger {
  return pino(logOptions(level), stream);
}
