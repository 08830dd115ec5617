/**
 * Applies phone-system events to the call log and pushes each call to the technicians it rings for.
 *
 * Events of one call are applied one after another, in arrival order, through a per-call promise
 * chain (keyed by integration + callId); events of different calls run concurrently. The caller is
 * identified once per call — when its first event creates the row — so a burst of `newCall`,
 * `answer` and `hangup` for the same call never runs the lookup twice. A request is answered only
 * after its event is stored, so an accepted event is never lost; a PBX that gets an error retries.
 */
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../shared/api/index.js';
import type { CallIdentification, CallView, CtiEvent } from '../../shared/api/cti.js';
import { newId } from '../auth/tokens.js';
import type { LookupResult } from '../lookup/LookupService.js';
import type { CallHub } from './CallHub.js';
import { toCallView, type CtiStore } from './CtiStore.js';
import type { CtiCallsTable } from './ctiTables.js';

export interface CallerLookup {
  lookup(query: { phone: string }): Promise<LookupResult>;
}

const UNIDENTIFIED: CallIdentification = {
  identified: false,
  ambiguous: false,
  siteId: null,
  siteName: null,
  companyName: null,
  profileId: null,
  personName: null,
  e164: null,
};

/** Hang-up causes (sipgate/Zammad) that mean nobody took the call. */
const MISSED_CAUSES = new Set(['cancel', 'noanswer', 'busy', 'congestion', 'notfound']);

const digits = (s: string) => s.replace(/\D/g, '');

export class CtiService {
  /** The settled tail of each call's chain; removed when nothing is queued behind it. */
  private readonly tails = new Map<string, Promise<void>>();

  constructor(
    private readonly store: CtiStore,
    private readonly lookup: CallerLookup,
    private readonly hub: CallHub,
    private readonly now: () => number,
  ) {}

  /** Set to the app's logger when the routes are registered. */
  log: Pick<FastifyBaseLogger, 'error'> | undefined;

  /** Stores the event, then pushes the call to its technicians; resolves with the call as it now stands. */
  ingest(integrationId: string, event: CtiEvent): Promise<CallView> {
    const key = `${integrationId}\u0000${event.callId}`;
    const receivedAt = this.now();
    const prev = this.tails.get(key);
    const run = prev
      ? prev.then(() => this.apply(integrationId, event, receivedAt))
      : this.apply(integrationId, event, receivedAt);
    // The chain only orders events: a failure is reported to that event's own request (500, the PBX retries).
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, settled);
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return run;
  }

  /** Calls whose events are still being applied (the bench waits for 0). */
  get pending(): number {
    return this.tails.size;
  }

  private async apply(integrationId: string, event: CtiEvent, at: number): Promise<CallView> {
    let row = await this.store.findCall(integrationId, event.callId);
    if (!row) {
      row = {
        id: newId('call'),
        integration_id: integrationId,
        call_id: event.callId,
        direction: event.direction,
        from_number: event.from,
        to_number: event.to,
        users: '[]',
        state: 'ringing',
        answered_by: null,
        started_at: at,
        answered_at: null,
        ended_at: null,
        identification: JSON.stringify(await this.identify(event.direction === 'in' ? event.from : event.to)),
        events: 0,
      };
      await this.store.insertCall(row);
    }
    const users = [...new Set([...(JSON.parse(row.users) as string[]), ...event.user])];
    const patch: Partial<CtiCallsTable> = { users: JSON.stringify(users), events: Number(row.events) + 1 };
    if (event.event === 'answer' && row.state === 'ringing') {
      patch.state = 'answered';
      patch.answered_at = at;
      patch.answered_by = event.answeringNumber ?? event.user[0] ?? null;
    } else if (event.event === 'hangup' && row.ended_at === null) {
      patch.ended_at = at;
      const missed = row.state === 'ringing' || MISSED_CAUSES.has((event.cause ?? '').toLowerCase());
      patch.state = row.state === 'answered' ? 'ended' : missed ? 'missed' : 'ended';
    }
    await this.store.updateCall(row.id, patch);
    const call = toCallView({ ...row, ...patch } as CtiCallsTable);
    const targets = await this.targets(event, users);
    this.hub.publish(targets, { type: 'call', event: event.event, receivedAt: at, call });
    return call;
  }

  /** Technicians whose extension is among the call's users, its answering number, or the number called. */
  private async targets(event: CtiEvent, users: string[]): Promise<string[]> {
    const names = new Set(
      [...users, ...(event.answeringNumber ? [event.answeringNumber] : [])].map((u) => u.toLowerCase()),
    );
    const ours = digits(event.direction === 'in' ? event.to : event.from);
    const out: string[] = [];
    for (const x of await this.store.listExtensions()) {
      const ext = x.extension.toLowerCase();
      if (names.has(ext) || (digits(ext).length > 0 && digits(ext) === ours)) out.push(x.userId);
    }
    return out;
  }

  private async identify(number: string): Promise<CallIdentification> {
    if (digits(number).length === 0) return UNIDENTIFIED; // anonymous / withheld
    try {
      const { candidates, ambiguous } = await this.lookup.lookup({ phone: number });
      const top = candidates[0];
      if (!top) return UNIDENTIFIED;
      const person = top.profile ? `${top.profile.firstName} ${top.profile.lastName}` : null;
      return {
        identified: true,
        ambiguous,
        siteId: top.site.id,
        siteName: top.site.name,
        companyName: top.site.companyName,
        profileId: top.profile?.id ?? null,
        personName: person,
        e164: top.matched === 'profile_phone' || top.matched === 'site_phone' ? top.value : null,
      };
    } catch (err) {
      // An unreadable number is an unidentified call, not a failed event; anything else is logged.
      if (!(err instanceof AppError && err.code === 'bad_request'))
        this.log?.error({ err }, 'CTI: caller lookup failed; the call is shown as unidentified');
      return UNIDENTIFIED;
    }
  }
}
