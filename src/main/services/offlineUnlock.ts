/**
 * Offline unlock (issue 14 item 6): after a restart with the server down, the last user who signed
 * in here may open the cache again with their password, checked against a local verifier.
 *
 * Stored, through a persistent SecretStore (Electron safeStorage; the web bridge's key-file store),
 * under OFFLINE_KEY: the account's email and UserInfo, a random 16-byte salt and
 * scrypt(password, salt) with N=2^17, r=8, p=1 (128 MiB, ~0.3 s per guess on a desktop) — never
 * the password. Written at each online sign-in, deleted when the server refuses the session or
 * wipes the device. Only the password is checked: a TOTP code cannot be verified offline, so an
 * offline unlock opens the cache read-only and the server is asked for a normal sign-in as soon as
 * it answers (sessionService.ts). Wrong passwords are throttled: after 3, each try waits longer
 * (30 s doubling, at most 15 min). The count is kept in the same store under OFFLINE_THROTTLE_KEY,
 * so quitting and restarting the app does not give a guesser three fresh tries; attempts are
 * serialised, so ten unlocks sent at once are ten counted tries, not ten free ones.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../shared/api/errors.js';
import { UserInfo } from '../../shared/api/auth.js';
import type { SecretStore } from './secretStore.js';

export const OFFLINE_KEY = 'offlineVerifier';
export const OFFLINE_THROTTLE_KEY = 'offlineThrottle';

const Throttle = z.object({ failures: z.number().int().min(0), waitUntil: z.number() });
type Throttle = z.infer<typeof Throttle>;
const NO_THROTTLE: Throttle = { failures: 0, waitUntil: 0 };

export interface OfflineScryptParams {
  N: number;
  r: number;
  p: number;
}
/** OWASP's scrypt minimum is N=2^17, r=8, p=1. */
export const STRONG_SCRYPT: OfflineScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const FREE_TRIES = 3;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;

const Verifier = z.object({
  v: z.literal(1),
  email: z.string(),
  user: UserInfo,
  salt: z.string(),
  hash: z.string(),
  params: z.object({ N: z.number().int(), r: z.number().int(), p: z.number().int() }),
});
type Verifier = z.infer<typeof Verifier>;

function scrypt(password: string, salt: Buffer, params: OfflineScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, 32, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export class OfflineUnlock {
  /** The tail of the attempts in progress: each unlock waits for the one before (see the header). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: SecretStore,
    private readonly params: OfflineScryptParams = STRONG_SCRYPT,
    private readonly now: () => number = Date.now,
  ) {}

  /** After an online sign-in: replaces the verifier with one for this password. */
  async remember(email: string, password: string, user: UserInfo): Promise<void> {
    const salt = randomBytes(16);
    const hash = await scrypt(password, salt, this.params);
    const record: Verifier = {
      v: 1,
      email: email.trim().toLowerCase(),
      user,
      salt: salt.toString('base64'),
      hash: hash.toString('base64'),
      params: this.params,
    };
    await this.store.set(OFFLINE_KEY, JSON.stringify(record));
    await this.store.delete(OFFLINE_THROTTLE_KEY);
  }

  async forget(): Promise<void> {
    await this.store.delete(OFFLINE_KEY);
    await this.store.delete(OFFLINE_THROTTLE_KEY);
  }

  /** Whose cache can be unlocked offline, if anyone's. */
  async lastUser(): Promise<UserInfo | undefined> {
    return (await this.load())?.user;
  }

  /**
   * The user, when `password` is the one last used to sign in here as `email`; undefined when no
   * verifier exists for that email (the caller then reports the server as unreachable). Throws
   * `rate_limited` while throttled and `invalid_credentials` for a wrong password.
   */
  unlock(email: string, password: string): Promise<UserInfo | undefined> {
    const attempt = this.queue.then(() => this.attempt(email, password));
    this.queue = attempt.catch(() => undefined);
    return attempt;
  }

  private async attempt(email: string, password: string): Promise<UserInfo | undefined> {
    const record = await this.load();
    if (!record || !sameEmail(record.email, email)) return undefined;
    const throttle = await this.loadThrottle();
    const wait = throttle.waitUntil - this.now();
    if (wait > 0) {
      throw new AppError(
        'rate_limited',
        `Too many wrong passwords while the server is unreachable. Wait ${Math.ceil(wait / 1000)} seconds, then try again.`,
      );
    }
    const hash = await scrypt(password, Buffer.from(record.salt, 'base64'), record.params);
    if (timingSafeEqual(hash, Buffer.from(record.hash, 'base64'))) {
      if (throttle.failures > 0) await this.store.delete(OFFLINE_THROTTLE_KEY);
      return record.user;
    }
    const failures = throttle.failures + 1;
    const waitUntil =
      failures >= FREE_TRIES ? this.now() + Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES)) : 0;
    await this.store.set(OFFLINE_THROTTLE_KEY, JSON.stringify({ failures, waitUntil } satisfies Throttle));
    throw new AppError(
      'invalid_credentials',
      "The server can't be reached, and that is not the password last used to sign in on this computer. Check it and try again, or sign in when the server is back.",
      'password',
    );
  }

  /** An unreadable count is treated as the free tries used up, never as a fresh start. */
  private async loadThrottle(): Promise<Throttle> {
    const raw = await this.store.get(OFFLINE_THROTTLE_KEY);
    if (!raw) return NO_THROTTLE;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = undefined;
    }
    const parsed = Throttle.safeParse(value);
    if (parsed.success) return parsed.data;
    console.warn('Callsign: the offline unlock attempt count could not be read; counting from the limit');
    return { failures: FREE_TRIES - 1, waitUntil: 0 };
  }

  private async load(): Promise<Verifier | undefined> {
    const raw = await this.store.get(OFFLINE_KEY);
    if (!raw) return undefined;
    const parsed = Verifier.safeParse(JSON.parse(raw));
    if (!parsed.success) {
      console.warn(
        'Callsign: the offline unlock record could not be read; offline unlock is off until the next sign-in',
      );
      return undefined;
    }
    return parsed.data;
  }
}
