/**
 * Approval records for the review journeys, made the way a desktop makes them — the server's own
 * decision for the stored site's rules, a hash-chained record per device — and uploaded through the
 * API as the person who ran the workflow. `tamper` makes a record a reviewer must catch.
 */
import { randomUUID } from 'node:crypto';
import { ApprovalRecord } from '../../src/shared/api/approvals.js';
import { GENESIS_HASH, linkRecord } from '../../src/shared/chain/hashChain.js';
import type { Decision, WorkflowEvent } from '../../src/shared/approvals/index.js';
import { DEMO_PASSWORD } from './workspace.js';

export interface DemoRecord {
  email: string;
  siteId: string;
  action: string;
  callerProfileId?: string;
  ticket: string;
  note: string;
  createdAt: string;
  /** Skip the approver although the rules require one: the device says proceed and completes. */
  proceedAnyway?: boolean;
}

export class ApiSession {
  private constructor(
    readonly base: string,
    readonly token: string,
  ) {}

  static async signIn(base: string, email: string): Promise<ApiSession> {
    const res = await fetch(`${base}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`sign-in of ${email}: HTTP ${res.status}`);
    const body = (await res.json()) as { accessToken: string };
    return new ApiSession(base, body.accessToken);
  }

  async call(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) {
    return fetch(`${this.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  }
}

const FINAL = { proceed: 'completed', approval_required: 'approved', tier4: 'escalated_tier4' } as const;

/** Uploads `records` in order, one device chain per person; returns the stored ids. */
export async function uploadRecords(base: string, records: readonly DemoRecord[]): Promise<string[]> {
  const sessions = new Map<string, { api: ApiSession; deviceId: string; prev: string; name: string; id: string }>();
  const ids: string[] = [];
  for (const r of records) {
    let s = sessions.get(r.email);
    if (!s) {
      const api = await ApiSession.signIn(base, r.email);
      const me = (await (await api.call('GET', '/v1/me')).json()) as { id: string; name: string };
      s = { api, deviceId: `e2e-${randomUUID()}`, prev: GENESIS_HASH, name: me.name, id: me.id };
      sessions.set(r.email, s);
    }
    const request = {
      siteId: r.siteId,
      action: r.action,
      ...(r.callerProfileId ? { callerProfileId: r.callerProfileId } : {}),
    };
    const evaluated = await s.api.call('POST', '/v1/approvals/evaluate', { siteId: r.siteId, request });
    if (!evaluated.ok) throw new Error(`evaluate: HTTP ${evaluated.status} ${await evaluated.text()}`);
    const rules = (await evaluated.json()) as Decision;
    const decision: Decision = r.proceedAnyway ? { ...rules, outcome: 'proceed', steps: [] } : rules;
    const at = (s2: number) => new Date(Date.parse(r.createdAt) - 600_000 + s2 * 1000).toISOString();
    const dial = decision.steps.find((x) => x.kind === 'dial');
    const events: WorkflowEvent[] =
      decision.outcome === 'approval_required' && dial?.kind === 'dial'
        ? [
            ...(decision.steps.some((x) => x.kind === 'authenticate_caller')
              ? ([
                  { type: 'callerCodeSent', at: at(5) },
                  { type: 'callerCodeChecked', ok: true, at: at(40) },
                ] as WorkflowEvent[])
              : []),
            { type: 'dialed', approver: dial.approver, number: dial.number, result: 'no_answer', at: at(60) },
            { type: 'dialed', approver: dial.approver, number: dial.number, result: 'answered', at: at(120) },
            ...(dial.authenticate ? ([{ type: 'approverCodeChecked', ok: true, at: at(170) }] as WorkflowEvent[]) : []),
            { type: 'approverDecided', decision: 'approved', note: r.note, at: at(200) },
          ]
        : decision.outcome === 'tier4'
          ? [{ type: 'escalated', note: r.note, at: at(30) }]
          : [];
    // Parsed first, as the desktop does: the hash covers the record with the schema's defaults.
    const record = await linkRecord(
      ApprovalRecord.omit({ prevHash: true, hash: true }).parse({
        id: randomUUID(),
        deviceId: s.deviceId,
        siteId: r.siteId,
        caller: r.callerProfileId
          ? { profileId: r.callerProfileId, name: 'Dana Reyes' }
          : { unidentified: { name: 'Walk-in' } },
        request,
        decision,
        events,
        technician: { id: s.id, name: s.name },
        ticket: r.ticket,
        finalState: FINAL[decision.outcome as keyof typeof FINAL] ?? 'completed',
        createdAt: r.createdAt,
      }),
      s.prev,
    );
    const stored = await s.api.call('POST', '/v1/approvals', record, { 'idempotency-key': record.id });
    if (!stored.ok) throw new Error(`upload: HTTP ${stored.status} ${await stored.text()}`);
    s.prev = record.hash;
    ids.push(record.id);
  }
  return ids;
}
