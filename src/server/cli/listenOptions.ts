/**
 * How `serve` listens (issue 11, finding 4): HTTPS when given `--tls-cert FILE --tls-key FILE`;
 * `--trust-proxy` addresses (IPs or CIDR ranges) whose X-Forwarded-For names the real client, so the
 * sign-in lockout and the audit trail key on the caller rather than on the proxy; and a refusal to
 * serve plain HTTP on anything but loopback unless `--insecure-http` says a TLS proxy is in front.
 * The key file's content stays in memory only; it is never logged.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { UsageError } from './io.js';

export interface ListenFlags {
  host?: string;
  'tls-cert'?: string;
  'tls-key'?: string;
  'trust-proxy'?: string;
  'insecure-http'?: boolean;
}

export interface ListenOptions {
  host: string;
  https?: { cert: Buffer; key: Buffer };
  trustProxy?: string[];
  /** Printed to stderr at start-up. */
  warnings: string[];
}

export const LISTEN_FLAGS = {
  host: { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'trust-proxy': { type: 'string' },
  'insecure-http': { type: 'boolean' },
} as const;

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
}

function readPem(flag: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new UsageError(
      `--${flag}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}). Check the path and that the server may read it.`,
    );
  }
}

function parseTrustProxy(value: string): string[] {
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new UsageError('--trust-proxy: give the proxy addresses, e.g. 10.0.0.2,10.1.0.0/16.');
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (family === 0 || !prefixOk || rest.length > 0)
      throw new UsageError(
        `--trust-proxy: "${entry}" is not an IP address or CIDR range. List your reverse proxies' addresses, comma-separated (e.g. 10.0.0.2,10.1.0.0/16).`,
      );
  }
  return entries;
}

export function resolveListen(flags: ListenFlags): ListenOptions {
  const host = flags.host ?? '127.0.0.1';
  const warnings: string[] = [];
  const certFile = flags['tls-cert'];
  const keyFile = flags['tls-key'];
  if ((certFile === undefined) !== (keyFile === undefined))
    throw new UsageError('--tls-cert and --tls-key go together: give the certificate (PEM) and its private key (PEM).');
  const https =
    certFile && keyFile ? { cert: readPem('tls-cert', certFile), key: readPem('tls-key', keyFile) } : undefined;
  if (!https && !isLoopback(host)) {
    if (!flags['insecure-http'])
      throw new UsageError(
        `serve: --host ${host} would accept other machines over plain HTTP, so passwords and tokens would cross the network in clear. ` +
          'Give --tls-cert FILE --tls-key FILE to serve HTTPS, or, behind a reverse proxy that terminates TLS, ' +
          'add --insecure-http (and --trust-proxy <proxy address> so sign-in lockout sees the real clients).',
      );
    warnings.push(
      `Serving plain HTTP on ${host} (--insecure-http): only safe behind a reverse proxy that terminates TLS on the same host or a private network.`,
    );
  }
  const trustProxy = flags['trust-proxy'] === undefined ? undefined : parseTrustProxy(flags['trust-proxy']);
  return { host, ...(https ? { https } : {}), ...(trustProxy ? { trustProxy } : {}), warnings };
}
