/** Test helper: valid, hash-linked approval records for one device (as the desktop app makes them). */
import { randomUUID } from 'node:crypto';
import { ApprovalRecord } from '../../shared/api/index.js';
import { exampleSite } from '../../shared/approvals/exampleSite.js';
import { evaluate, ApprovalRequest } from '../../shared/approvals/index.js';
import { GENESIS_HASH, linkRecord } from '../../shared/chain/hashChain.js';

export function unlinkedRecord(
  deviceId: string,
  overrides: Partial<ApprovalRecord> = {},
): Omit<ApprovalRecord, 'prevHash' | 'hash'> {
  const request = ApprovalRequest.parse({ siteId: 'S1', action: 'password.reset', callerProfileId: 'p1' });
  const decision = evaluate(exampleSite(), request);
  return ApprovalRecord.omit({ prevHash: true, hash: true }).parse({
    id: randomUUID(),
    deviceId,
    siteId: 'site-northwind',
    caller: { profileId: 'prof-dana', name: 'Dana Reyes' },
    request: { ...request, siteId: 'site-northwind' },
    decision,
    events: [
      { type: 'dialed', approver: 'Lee Chan', number: '+12065550121', result: 'answered', at: '2026-03-01T10:00:00Z' },
      { type: 'approverDecided', decision: 'approved', note: 'ok', at: '2026-03-01T10:01:00Z' },
    ],
    technician: { id: 'tech-1', name: 'Taylor Tech' },
    ticket: 'T-1001',
    finalState: 'approved',
    createdAt: '2026-03-01T10:02:00Z',
    ...overrides,
  });
}

/** `count` records linked in order from the genesis hash. */
export async function deviceChain(deviceId: string, count: number, prevHash = GENESIS_HASH): Promise<ApprovalRecord[]> {
  const out: ApprovalRecord[] = [];
  let prev = prevHash;
  for (let i = 0; i < count; i++) {
    const record = ApprovalRecord.parse(await linkRecord(unlinkedRecord(deviceId), prev));
    out.push(record);
    prev = record.hash;
  }
  return out;
}
