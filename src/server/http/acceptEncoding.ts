/**
 * Picks the response encoding from an `Accept-Encoding` header (RFC 9110 §12.5.3): brotli when the
 * client accepts it, else gzip, else none. q-values are honoured (`br;q=0` refuses brotli, `*`
 * covers whatever is not named); preference among accepted codings is the server's, since brotli is
 * both smaller and, for cached pages, compressed only once.
 */
export type ContentEncoding = 'br' | 'gzip' | 'identity';

export function negotiateEncoding(header: string | string[] | undefined): ContentEncoding {
  if (header === undefined) return 'identity';
  const q = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepted = (coding: string) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  if (accepted('br')) return 'br';
  if (accepted('gzip') || accepted('x-gzip')) return 'gzip';
  return 'identity';
}
