/**
 * HTTP client for the Callsign server. Bearer tokens are added here and nowhere else; error bodies
 * are mapped to AppError with the server's code and message; a connection failure becomes
 * `server_unreachable`, and no URL with a query or token is ever put into a message.
 */
import type { z } from 'zod';
import { AppError, ErrorBody } from '../../shared/api/errors.js';
import { serverUrlProblem } from '../../shared/api/serverUrl.js';

export type FetchLike = typeof fetch;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  token?: string;
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  /** Overrides the client's timeout (the connectivity heartbeat uses a short one). */
  timeoutMs?: number;
  /** A file sent as it is (a spreadsheet import) instead of a JSON `body`. */
  rawBody?: { bytes: Uint8Array<ArrayBuffer>; contentType: string };
}

export class ApiClient {
  constructor(
    private readonly baseUrl: () => string,
    private readonly fetchImpl: FetchLike = fetch,
    private readonly timeoutMs = 15000,
  ) {}

  /** Told after every request whether the server answered at all (connectivity.ts). */
  onReach: (reachable: boolean) => void = () => {};

  /** Sends one request; a connection failure becomes `server_unreachable`, any answer is returned. */
  private async send(path: string, opts: RequestOptions): Promise<{ res: Response; origin: string }> {
    // The same check as the settings schema, here too: an address from any source (environment,
    // an older settings file) never gets a password sent over plain http to another machine.
    const problem = serverUrlProblem(this.baseUrl());
    if (problem) throw new AppError('bad_request', problem, 'serverUrl');
    const url = new URL(path, this.baseUrl());
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    // Node's fetch offers only gzip over plain http; sync pages are ~30% smaller again in brotli.
    // It decodes either (and drops nothing: `text()` is the decoded body).
    const headers: Record<string, string> = {
      accept: 'application/json',
      'accept-encoding': 'br, gzip',
      ...opts.headers,
    };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.rawBody) headers['content-type'] = opts.rawBody.contentType;
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        method: opts.method ?? 'GET',
        headers,
        body: opts.rawBody ? opts.rawBody.bytes : opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? this.timeoutMs),
      });
    } catch {
      this.onReach(false);
      throw new AppError(
        'server_unreachable',
        `Couldn't reach the Callsign server at ${url.origin}. Check your connection; cached data keeps working.`,
      );
    }
    this.onReach(true);
    return { res, origin: url.origin };
  }

  async request(path: string, opts: RequestOptions = {}): Promise<unknown> {
    const { res, body, origin } = await this.answer(path, opts);
    const json = readJson(body, res.status, origin);
    if (res.ok) return json;
    throw errorOf(res.status, json);
  }

  /**
   * As `request`, but a success's body as the bytes that came (decompressed, not decoded), with its
   * headers: for an answer passed on as it is (sync pages: handlers.ts `sync.pullBytes`), with no
   * UTF-8 decoding, parse or second serialisation of a 2 MB page. An error answer becomes the same
   * AppError as in `request`.
   */
  async requestBytes(path: string, opts: RequestOptions = {}): Promise<{ bytes: Uint8Array; headers: Headers }> {
    const { res, body, origin } = await this.answer(path, opts, (r) => r.arrayBuffer());
    if (res.ok) return { bytes: new Uint8Array(body), headers: res.headers };
    throw errorOf(res.status, readJson(new TextDecoder().decode(body), res.status, origin));
  }

  /** Sends one request and reads its answer's body (its text, unless `read` says otherwise). */
  private async answer(path: string, opts: RequestOptions): Promise<{ res: Response; body: string; origin: string }>;
  private async answer<B>(
    path: string,
    opts: RequestOptions,
    read: (res: Response) => Promise<B>,
  ): Promise<{ res: Response; body: B; origin: string }>;
  private async answer(
    path: string,
    opts: RequestOptions,
    read: (res: Response) => Promise<unknown> = (res) => res.text(),
  ): Promise<{ res: Response; body: unknown; origin: string }> {
    const { res, origin } = await this.send(path, opts);
    let body: unknown;
    try {
      body = await read(res);
    } catch {
      // The connection dropped mid-answer (a network drop, the server killed while sending a page):
      // the same as not reaching it, so callers that wait for the server (sync) wait for this too.
      this.onReach(false);
      throw new AppError(
        'server_unreachable',
        `The connection to the Callsign server at ${origin} was lost. Check your connection; cached data keeps working.`,
      );
    }
    return { res, body, origin };
  }

  /**
   * A file the server makes (the signed approval export): its bytes, type and suggested name. An
   * error answer is JSON like any other and becomes the same AppError as in `request`.
   */
  async download(path: string, opts: RequestOptions = {}): Promise<DownloadedFile> {
    const { res, origin } = await this.send(path, { ...opts, headers: { accept: '*/*', ...opts.headers } });
    if (!res.ok) {
      const text = await res.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      throw errorOf(res.status, json);
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    return {
      bytes,
      contentType: res.headers.get('content-type') ?? 'application/octet-stream',
      filename: attachmentName(res.headers.get('content-disposition')),
      origin,
    };
  }
}

export interface DownloadedFile {
  bytes: Uint8Array;
  contentType: string;
  /** The server's suggested file name (Content-Disposition), reduced to a safe base name; null without one. */
  filename: string | null;
  origin: string;
}

/** `attachment; filename="x.csv"` → `x.csv`; path separators and control characters never survive. */
export function attachmentName(header: string | null): string | null {
  const m = header && /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header);
  if (!m?.[1]) return null;
  let name: string;
  try {
    name = decodeURIComponent(m[1]);
  } catch {
    name = m[1];
  }
  const base = name
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .trim();
  return base && !/^\.+$/.test(base) ? base.slice(0, 120) : null;
}

/** An error answer as AppError: the server's own code and sentence, else one by HTTP status. */
function errorOf(status: number, json: unknown): AppError {
  const body = ErrorBody.safeParse(json);
  if (body.success) return new AppError(body.data.error.code, body.data.error.message, body.data.error.field);
  if (status === 429) return new AppError('rate_limited', 'Too many attempts. Wait a minute and try again.');
  // A server shutting down (Fastify answers 503 while it closes) or a proxy with no server behind it:
  // passing, unlike an error of ours, so `unavailable` (sync waits and tries again), not `internal`.
  if (status === 502 || status === 503 || status === 504)
    return new AppError(
      'unavailable',
      `The server is unavailable for now (HTTP ${status}). Callsign tries again shortly.`,
    );
  return new AppError(
    status === 401 ? 'unauthorized' : 'internal',
    `The server answered HTTP ${status}. Try again later.`,
  );
}

/**
 * Parses a server answer with its shared schema. A mismatch (a server of another version, a proxy's
 * page) becomes an `internal` AppError naming the first field that did not fit and what to do,
 * instead of the generic "something went wrong".
 */
export function parseAnswer<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const field = r.error.issues[0]?.path.map(String).join('.') || undefined;
  throw new AppError(
    'internal',
    `The server's answer to ${what} could not be read (${field ?? 'the whole answer'} did not fit). Check that the server runs the same Callsign version as this app.`,
    field,
  );
}

/** An answer's JSON (undefined when empty); an AppError when it is not JSON. */
function readJson(text: string, status: number, origin: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    throw new AppError('internal', `The server at ${origin} sent a response Callsign could not read (HTTP ${status}).`);
  }
}
