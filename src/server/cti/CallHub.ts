/**
 * In-process fan-out of call pushes to the desktops connected to this server process (WebSocket
 * stream, cti/ctiStream.ts), by user id. A second server process has its own hub: an event reaches
 * the desktops connected to the process that received it (one process per deployment today).
 */
import type { CallPush } from '../../shared/api/cti.js';

export type CallListener = (push: CallPush) => void;

export class CallHub {
  private readonly byUser = new Map<string, Set<CallListener>>();

  subscribe(userId: string, listener: CallListener): () => void {
    let set = this.byUser.get(userId);
    if (!set) this.byUser.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byUser.get(userId) === set) this.byUser.delete(userId);
    };
  }

  /** Delivers to every connection of these users; returns how many connections got it. */
  publish(userIds: Iterable<string>, push: CallPush): number {
    let delivered = 0;
    for (const id of new Set(userIds)) {
      for (const listener of this.byUser.get(id) ?? []) {
        listener(push);
        delivered++;
      }
    }
    return delivered;
  }

  get connections(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }
}
