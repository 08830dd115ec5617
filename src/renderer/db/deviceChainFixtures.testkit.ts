/** Test-only: an unlinked approval record for chain and outbox tests. */
import type { UnlinkedRecord } from './deviceChain.js';

const decision = {
  outcome: 'proceed' as const,
  reasons: ['password_reset policy: noApprovalNeeded'],
  steps: [],
  templates: {},
  notices: [],
};

export function unlinked(deviceId: string, n = 0): UnlinkedRecord {
  return {
    id: crypto.randomUUID(),
    deviceId,
    siteId: 'site-nw',
    caller: { profileId: 'p-dana', name: 'Dana Reyes' },
    request: {
      siteId: 'site-nw',
      action: 'password.reset',
      subject: 'self',
      target: 'workstation',
      unmanagedMachine: false,
    },
    decision,
    events: [],
    technician: { id: 'u1', name: 'Tess Tech' },
    ticket: `T-${n}`,
    finalState: 'completed',
    createdAt: new Date(Date.UTC(2025, 0, 1, 9, 0, n)).toISOString(),
  };
}
