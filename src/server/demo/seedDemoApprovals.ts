/**
 * Demo approval records (issue 15) so the supervisors' review has something to show: two weeks of
 * records by the demo technician (Taylor Tech) and the demo NOC user (Nico Noc) on the fixture sites,
 * made with each site's real rules and hash-linked per device like the desktop makes them, plus two
 * flagged ones at Northwind Traders by Taylor Tech in the last two hours: Morgan Lee's password reset
 * approved by someone not on the approver list (`approver_not_listed`), and a software install that
 * went ahead without the approver the rules require (`proceeded_without_approver`). Only into a
 * workspace with no approval records yet.
 */
import { ApprovalRecord, type FinalState } from '../../shared/api/approvals.js';
import { ApprovalRequest, evaluate, type Decision, type WorkflowEvent } from '../../shared/approvals/index.js';
import { GENESIS_HASH, linkRecord } from '../../shared/chain/hashChain.js';
import type { Services } from '../app.js';

const FINAL_FOR: Record<Decision['outcome'], FinalState> = {
  proceed: 'completed',
  approval_required: 'approved',
  tier4: 'escalated_tier4',
  escalate_partner: 'escalated_partner',
  blocked: 'blocked',
};

/** The events of a clean run of `decision` from `at` (ms): codes checked, the first approver answers and approves. */
export function cleanEvents(decision: Decision, at: number, note: string): WorkflowEvent[] {
  const iso = (offsetS: number) => new Date(at + offsetS * 1000).toISOString();
  if (decision.outcome === 'tier4' || decision.outcome === 'escalate_partner')
    return [{ type: 'escalated', note, at: iso(10) }];
  if (decision.outcome !== 'approval_required') return [];
  const events: WorkflowEvent[] = [];
  if (decision.steps.some((s) => s.kind === 'authenticate_caller'))
    events.push({ type: 'callerCodeSent', at: iso(5) }, { type: 'callerCodeChecked', ok: true, at: iso(35) });
  const dial = decision.steps.find((s) => s.kind === 'dial');
  if (dial?.kind === 'dial') {
    events.push({ type: 'dialed', approver: dial.approver, number: dial.number, result: 'answered', at: iso(55) });
    if (dial.authenticate) events.push({ type: 'approverCodeChecked', ok: true, at: iso(95) });
    events.push({ type: 'approverDecided', decision: 'approved', note, at: iso(155) });
  }
  return events;
}

export const finalStateFor = (decision: Decision): FinalState => FINAL_FOR[decision.outcome];

interface DemoCase {
  siteId: string;
  action: string;
  request?: Record<string, unknown>;
  caller: { profileId: string; name: string } | { name: string };
  note: string;
}

const CASES: DemoCase[] = [
  {
    siteId: 'site-northwind',
    action: 'password.reset',
    caller: { profileId: 'prof-dana', name: 'Dana Reyes' },
    note: 'Locked out after holiday',
  },
  { siteId: 'site-northwind', action: 'rmm.install', caller: { profileId: 'prof-dana', name: 'Dana Reyes' }, note: '' },
  {
    siteId: 'site-northwind',
    action: 'software.install',
    request: { target: 'server' },
    caller: { profileId: 'prof-dana', name: 'Dana Reyes' },
    note: 'Backup agent on the file server',
  },
  {
    siteId: 'site-contoso-london',
    action: 'user.create_aduc',
    caller: { profileId: 'prof-oliver', name: 'Oliver Bennett' },
    note: 'New starter Monday',
  },
  {
    siteId: 'site-fabrikam',
    action: 'permission.aduc_group',
    caller: { name: 'Front desk' },
    note: 'Add to Finance share group',
  },
  { siteId: 'site-bluebird', action: 'password.reset', caller: { profileId: 'prof-sam', name: 'Sam Ortiz' }, note: '' },
];

export async function seedDemoApprovals(services: Services, now = Date.now()): Promise<number> {
  if ((await services.approvals.records.count()) > 0) return 0;
  const people = await Promise.all(
    ['tech@callsign.demo', 'noc@callsign.demo'].map((email) => services.users.findByEmail(email)),
  );
  const techs = people.filter((u) => u !== undefined);
  if (techs.length === 0) return 0;
  const heads = new Map<string, string>();
  let stored = 0;
  const store = async (tech: { id: string; name: string }, c: DemoCase, at: number, tamper?: 'stranger' | 'skip') => {
    const rules = await services.approvals.siteRules(c.siteId);
    if (!rules) return;
    const profileId = 'profileId' in c.caller ? c.caller.profileId : undefined;
    const request = ApprovalRequest.parse({
      siteId: c.siteId,
      action: c.action,
      callerProfileId: profileId,
      ...c.request,
    });
    let decision = evaluate(rules.rules, request);
    let events = cleanEvents(decision, at - 10 * 60_000, c.note);
    let finalState = finalStateFor(decision);
    if (tamper === 'stranger')
      events = events.map((e) => (e.type === 'dialed' ? { ...e, approver: 'Jamie Walker' } : e));
    if (tamper === 'skip') {
      decision = { ...decision, outcome: 'proceed', steps: [] };
      events = [];
      finalState = 'completed';
    }
    const deviceId = `demo-desktop-${tech.id}`;
    const unlinked = ApprovalRecord.omit({ prevHash: true, hash: true }).parse({
      id: crypto.randomUUID(),
      deviceId,
      siteId: c.siteId,
      caller: 'profileId' in c.caller ? c.caller : { unidentified: { name: c.caller.name } },
      request,
      decision,
      events,
      technician: { id: tech.id, name: tech.name },
      ticket: `INC-${4000 + stored}`,
      finalState,
      createdAt: new Date(at).toISOString(),
    });
    const record = ApprovalRecord.parse(await linkRecord(unlinked, heads.get(deviceId) ?? GENESIS_HASH));
    await services.approvals.records.store(record, { id: tech.id });
    heads.set(deviceId, record.hash);
    stored++;
  };
  const DAY = 86_400_000;
  const start = Math.floor(now / DAY) * DAY - 14 * DAY;
  for (let d = 0; d < 14; d++) {
    for (let i = 0; i < 4; i++) {
      const tech = techs[(d + i) % techs.length]!;
      await store(tech, CASES[(d * 4 + i) % CASES.length]!, start + d * DAY + (9 + i * 2) * 3_600_000);
    }
  }
  const taylor = techs[0]!;
  await store(taylor, CASES[0]!, now - 2 * 3_600_000, 'stranger');
  await store(taylor, CASES[2]!, now - 3_600_000, 'skip');
  return stored;
}
