/**
 * The shared chain hash (src/shared/chain/hashChain.ts `hashRecord`: SHA-256 hex of the canonical
 * JSON of the record with `prevHash`, without `hash`), computed synchronously with node:crypto.
 * The shared one awaits WebCrypto, which hops to the libuv thread pool and back; the server appends
 * audit entries inside write transactions, and on SQLite every such await keeps the one connection
 * from all other requests. Same input, same hex: hashRecordSync.test.ts checks it against the shared one.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/chain/canonicalJson.js';

export function hashRecordSync(record: Record<string, unknown>, prevHash: string): string {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- hash and prevHash are not hashed as given
  const { hash, prevHash: _given, ...body } = record;
  return createHash('sha256')
    .update(canonicalJson({ ...body, prevHash }))
    .digest('hex');
}
