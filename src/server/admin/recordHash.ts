/** SHA-256 (hex) of a record's canonical JSON, for "before/after" in audit events; null for none. */
import { canonicalJson } from '../../shared/chain/canonicalJson.js';
import { sha256Hex } from '../../shared/chain/hashChain.js';

export async function recordHash(record: object | undefined | null): Promise<string | null> {
  return record ? sha256Hex(canonicalJson(record)) : null;
}
