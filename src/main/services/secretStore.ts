/**
 * Where the refresh token lives on the desktop. The Electron layer implements this with
 * `safeStorage` (OS keychain-backed encryption) in exactly one file; the web bridge keeps it in
 * memory only, so a bridge restart means signing in again. Nothing here ever writes plain text.
 */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Process-memory secret store: the only option where no OS keychain is available. */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  async get(key: string) {
    return this.values.get(key);
  }
  async set(key: string, value: string) {
    this.values.set(key, value);
  }
  async delete(key: string) {
    this.values.delete(key);
  }
}
