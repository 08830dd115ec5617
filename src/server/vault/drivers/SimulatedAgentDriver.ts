/**
 * `simulated-agent`: the demo workspace's stand-in for an RMM agent on the site's machines. It
 * "sets" passwords by remembering a SHA-256 of (account id, password) — never the password — in
 * `<dataDir>/simulated-agent.json`, so `verify` still answers after a restart (crash recovery works
 * in the demo too), and appends one line per rotation to `<dataDir>/simulated-agent.log` (account,
 * user name, time; never a secret). An account it has never rotated accepts its initial password.
 * Without a data folder (tests) it keeps the hashes in memory only.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RotationDriver, RotationTarget } from '../RotationDriver.js';

export const SIMULATED_AGENT_STATE = 'simulated-agent.json';
export const SIMULATED_AGENT_LOG = 'simulated-agent.log';

const digest = (credentialId: string, secret: string) =>
  createHash('sha256').update(`${credentialId}\u0000${secret}`).digest('hex');

export class SimulatedAgentDriver implements RotationDriver {
  readonly name = 'simulated-agent' as const;
  private readonly hashes: Map<string, string>;

  constructor(private readonly dataDir: string | null) {
    const file = dataDir ? join(dataDir, SIMULATED_AGENT_STATE) : null;
    this.hashes = new Map(
      file && existsSync(file) ? Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : [],
    );
  }

  async setPassword(target: RotationTarget, _current: string, next: string): Promise<void> {
    this.hashes.set(target.credentialId, digest(target.credentialId, next));
    if (!this.dataDir) return;
    const file = join(this.dataDir, SIMULATED_AGENT_STATE);
    writeFileSync(`${file}.tmp`, JSON.stringify(Object.fromEntries(this.hashes)), { mode: 0o600 });
    renameSync(`${file}.tmp`, file); // atomic: a crash leaves the old or the new state, never half
    const line = { at: new Date().toISOString(), credentialId: target.credentialId, username: target.username };
    appendFileSync(join(this.dataDir, SIMULATED_AGENT_LOG), `${JSON.stringify({ ...line, event: 'password_set' })}\n`);
  }

  async verify(target: RotationTarget, secret: string): Promise<boolean> {
    const known = this.hashes.get(target.credentialId);
    return known === undefined || known === digest(target.credentialId, secret);
  }
}
