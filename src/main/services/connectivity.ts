/**
 * Whether the Callsign server answers, noticed within seconds rather than at the next minute's sync.
 * Every API call reports its outcome (any HTTP answer = reachable, a network failure or timeout =
 * not); when nothing has answered for `intervalMs`, a heartbeat asks `/v1/health` (public, tiny) with
 * a short timeout. So a dropped connection shows as "Offline" within intervalMs + probeTimeout
 * (2 s + 1.5 s by default), and its return within intervalMs, after which the renderer syncs at once.
 * The probe is single-flight: a slow network never stacks heartbeats.
 */
import type { ConnectionStatus } from '../../shared/ipc/contract.js';

export interface ConnectivityOptions {
  /** One heartbeat: resolves true when the server answered, false otherwise (never rejects). */
  probe: () => Promise<boolean>;
  onChange: (status: ConnectionStatus) => void;
  intervalMs?: number;
  now?: () => number;
}

export class ConnectivityMonitor {
  private state: ConnectionStatus;
  private lastAnswerAt = 0;
  private probing: Promise<void> | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ConnectivityOptions) {
    this.intervalMs = options.intervalMs ?? 2000;
    this.now = options.now ?? Date.now;
    this.state = { online: true, since: this.now(), checked: false };
  }

  status(): ConnectionStatus {
    return this.state;
  }

  /** Called by the API client after every request. */
  report(reachable: boolean): void {
    if (reachable) this.lastAnswerAt = this.now();
    if (this.state.checked && reachable === this.state.online) return;
    const since = reachable === this.state.online ? this.state.since : this.now();
    this.state = { online: reachable, since, checked: true };
    this.options.onChange(this.state);
  }

  /** One heartbeat now, unless a request answered within the interval (then nothing needs checking). */
  tick(): Promise<void> {
    if (this.state.online && this.state.checked && this.now() - this.lastAnswerAt < this.intervalMs)
      return Promise.resolve();
    this.probing ??= this.options
      .probe()
      .then((ok) => this.report(ok))
      .finally(() => (this.probing = undefined));
    return this.probing;
  }

  start(): void {
    if (this.timer) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
