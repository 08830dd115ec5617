/**
 * Test support: a throwaway OpenLDAP server (Debian's `slapd`) for the LDAP rotation driver's tests.
 *
 * Each server lives in a temp folder of its own (slapd.conf, the back_mdb data, the pid file) and
 * listens on a free port of 127.0.0.1 — never the system's slapd service, which may run on 389.
 * `stop()` and `start()` keep the port and the data, so a test can take the directory down during a
 * rotation and bring it back. `close()` stops it and removes the folder.
 *
 * The tree: `dc=example,dc=test` with `ou=people` (users `uid=nocadmin`, `uid=alice`), and the
 * service account `cn=callsign-rotator,dc=example,dc=test`, whose only write right is the
 * userPassword of `ou=people` (as a real site would grant it). Passwords set by the Password Modify
 * extended operation are stored salted ({SSHA}); the seeded ones are plain (test data only).
 *
 * Active Directory stand-in: slapd cannot be an AD, but with `{ tls: true }` it also listens on
 * ldaps:// with a certificate of a throwaway CA, and a tiny schema gives `ou=people` entries AD's
 * `sAMAccountName` (case-insensitive) and `unicodePwd` (octets) — enough to prove the driver finds
 * an AD account, trusts the site's CA and writes the exact unicodePwd value over LDAPS. The user
 * `uid=adtester` has sAMAccountName `AdTester`.
 *
 * slapd is found through CALLSIGN_SLAPD (scripts/test.sh sets it from scripts/ensure-slapd.sh),
 * then PATH, then /usr/sbin/slapd.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, InvalidCredentialsError } from 'ldapts';
import { makeTestCertificates, type TestCertificates } from './testCertificates.testkit.js';

export const SUFFIX = 'dc=example,dc=test';
export const PEOPLE_DN = `ou=people,${SUFFIX}`;
export const ROOT_DN = `cn=admin,${SUFFIX}`;
export const ROTATOR_DN = `cn=callsign-rotator,${SUFFIX}`;
/** Test-only passwords of a server that listens on loopback for the length of one test file. */
export const ROOT_PASSWORD = 'root-test-password';
export const ROTATOR_PASSWORD = 'rotator-test-password';
export const INITIAL_PASSWORDS = { nocadmin: 'Initial1nocadmin', alice: 'Initial1alice' } as const;

export const SLAPD_SKIP_NOTICE =
  'LDAP driver tests skipped: slapd not found. Run `bash scripts/ensure-slapd.sh` (installs slapd and ldap-utils ' +
  'on Debian as root) or set CALLSIGN_SLAPD to a slapd binary.';

const MODULE_DIR = '/usr/lib/ldap';
const SCHEMA_DIR = '/etc/ldap/schema';

/** The slapd binary, or null when this machine has none (or lacks back_mdb / the schema files). */
export function findSlapd(): string | null {
  const candidates = [process.env.CALLSIGN_SLAPD, onPath('slapd'), '/usr/sbin/slapd'];
  const slapd = candidates.find((c): c is string => !!c && existsSync(c)) ?? null;
  if (!slapd || !existsSync(join(MODULE_DIR, 'back_mdb.so')) || !existsSync(join(SCHEMA_DIR, 'nis.schema'))) {
    return null;
  }
  return slapd;
}

function onPath(name: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined; // not on PATH: the next candidate is tried
  }
}

export interface SlapdServer {
  readonly url: string;
  readonly port: number;
  /** With `{ tls: true }`: the ldaps:// URL and the PEM of the CA that signed its certificate. */
  readonly ldapsUrl?: string;
  readonly caCertPem?: string;
  userDn(uid: string): string;
  /** True when a simple bind as `dn` with `password` succeeds; false on invalidCredentials. */
  bindWorks(dn: string, password: string): Promise<boolean>;
  /** Adds a user under ou=people (as the rootdn). */
  addUser(uid: string, password: string): Promise<void>;
  /** One attribute of an entry as raw bytes (read as the rootdn), or undefined when absent. */
  readAttribute(dn: string, attribute: string): Promise<Buffer | undefined>;
  /** Stops slapd (SIGTERM) and waits until it has exited; the data folder stays. */
  stop(): Promise<void>;
  /** Starts slapd again on the same port and data; resolves once it accepts a bind. */
  start(): Promise<void>;
  /** Stops slapd and removes its folder. */
  close(): Promise<void>;
}

// OIDs under OpenLDAP's experimental arc (1.3.6.1.4.1.4203.666), meant for exactly this.
const AD_STAND_IN_SCHEMA = `attributetype ( 1.3.6.1.4.1.4203.666.11.1 NAME 'sAMAccountName'
  EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
attributetype ( 1.3.6.1.4.1.4203.666.11.2 NAME 'unicodePwd'
  EQUALITY octetStringMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.40 SINGLE-VALUE )
objectclass ( 1.3.6.1.4.1.4203.666.11.3 NAME 'callsignAdStandIn' SUP top AUXILIARY
  MAY ( sAMAccountName $ unicodePwd ) )
`;

function slapdConf(dir: string, certs: TestCertificates | null): string {
  const tls = certs
    ? `TLSCACertificateFile ${certs.caPath}\nTLSCertificateFile ${certs.certPath}\nTLSCertificateKeyFile ${certs.keyPath}\n`
    : '';
  return `# Throwaway test directory (slapdServer.testkit.ts)
include ${SCHEMA_DIR}/core.schema
include ${SCHEMA_DIR}/cosine.schema
include ${SCHEMA_DIR}/inetorgperson.schema
include ${SCHEMA_DIR}/nis.schema
include ${join(dir, 'ad-stand-in.schema')}
${tls}modulepath ${MODULE_DIR}
moduleload back_mdb
pidfile ${join(dir, 'slapd.pid')}
argsfile ${join(dir, 'slapd.args')}
password-hash {SSHA}

database mdb
maxsize 16777216
suffix "${SUFFIX}"
rootdn "${ROOT_DN}"
rootpw ${ROOT_PASSWORD}
directory ${join(dir, 'data')}

access to dn.subtree="${PEOPLE_DN}" attrs=userPassword,unicodePwd
  by dn.exact="${ROTATOR_DN}" write
  by self write
  by anonymous auth
  by * none
access to attrs=userPassword
  by self write
  by anonymous auth
  by * none
access to *
  by users read
  by * none
`;
}

/** RFC 4514: a uid as an RDN value (test users may have commas, plus signs or quotes in their names). */
function userDn(uid: string): string {
  const value = uid.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`).replace(/^[ #]| $/g, (c) => `\\${c}`);
  return `uid=${value},${PEOPLE_DN}`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function bindWorks(url: string, dn: string, password: string): Promise<boolean> {
  const client = new Client({ url, timeout: 2000, connectTimeout: 2000 });
  try {
    await client.bind(dn, password);
    return true;
  } catch (err) {
    if (err instanceof InvalidCredentialsError) return false;
    throw err;
  } finally {
    await client.unbind();
  }
}

async function asRoot<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ url, timeout: 5000, connectTimeout: 2000 });
  try {
    await client.bind(ROOT_DN, ROOT_PASSWORD);
    return await work(client);
  } finally {
    await client.unbind();
  }
}

export async function startSlapd(options: { tls?: boolean } = {}): Promise<SlapdServer> {
  const slapd = findSlapd();
  if (!slapd) throw new Error(SLAPD_SKIP_NOTICE);
  const dir = mkdtempSync(join(tmpdir(), 'callsign-slapd-'));
  mkdirSync(join(dir, 'data'));
  const certs = options.tls ? makeTestCertificates(dir) : null;
  writeFileSync(join(dir, 'ad-stand-in.schema'), AD_STAND_IN_SCHEMA);
  const confPath = join(dir, 'slapd.conf');
  writeFileSync(confPath, slapdConf(dir, certs));
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}/`;
  const ldapsUrl = certs ? `ldaps://127.0.0.1:${await freePort()}/` : undefined;
  const listen = ldapsUrl ? `${url} ${ldapsUrl}` : url;
  let child: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    if (child) return;
    // -d 0 keeps slapd in the foreground (a child we can stop) without debug output.
    const proc = spawn(slapd, ['-f', confPath, '-h', listen, '-d', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    // A test worker that dies without close() must not leave a slapd behind.
    const killOnExit = () => proc.kill('SIGKILL');
    process.once('exit', killOnExit);
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let exited = false;
    proc.once('exit', () => {
      process.removeListener('exit', killOnExit);
      exited = true;
      if (child === proc) child = null;
    });
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (exited) throw new Error(`slapd exited at start (${slapd} -f ${confPath}): ${stderr.trim()}`);
      try {
        if (await bindWorks(url, ROOT_DN, ROOT_PASSWORD)) return;
      } catch {
        // not listening yet: poll again until the deadline
      }
      if (Date.now() > deadline) throw new Error(`slapd did not accept a bind on ${url} within 10 s: ${stderr.trim()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    if (!proc) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const killer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };

  const addUser = (uid: string, password: string): Promise<void> =>
    asRoot(url, (c) =>
      c.add(userDn(uid), {
        objectClass: ['inetOrgPerson'],
        uid,
        cn: uid,
        sn: uid,
        userPassword: password,
      }),
    );

  await start();
  try {
    await asRoot(url, async (c) => {
      await c.add(SUFFIX, { objectClass: ['dcObject', 'organization'], dc: 'example', o: 'Example' });
      await c.add(PEOPLE_DN, { objectClass: ['organizationalUnit'], ou: 'people' });
      await c.add(ROTATOR_DN, {
        objectClass: ['applicationProcess', 'simpleSecurityObject'],
        cn: 'callsign-rotator',
        userPassword: ROTATOR_PASSWORD,
      });
    });
    for (const [uid, password] of Object.entries(INITIAL_PASSWORDS)) await addUser(uid, password);
    await asRoot(url, (c) =>
      c.add(`uid=adtester,${PEOPLE_DN}`, {
        objectClass: ['inetOrgPerson', 'callsignAdStandIn'],
        uid: 'adtester',
        cn: 'AD tester',
        sn: 'tester',
        sAMAccountName: 'AdTester',
      }),
    );
  } catch (err) {
    await stop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  const readAttribute = (dn: string, attribute: string): Promise<Buffer | undefined> =>
    asRoot(url, async (c) => {
      const { searchEntries } = await c.search(dn, {
        scope: 'base',
        attributes: [attribute],
        explicitBufferAttributes: [attribute],
      });
      const value = searchEntries[0]?.[attribute];
      return Array.isArray(value) ? (value[0] as Buffer | undefined) : (value as Buffer | undefined);
    });

  return {
    url,
    port,
    ...(ldapsUrl && certs ? { ldapsUrl, caCertPem: certs.caPem } : {}),
    readAttribute,
    userDn,
    bindWorks: (dn, password) => bindWorks(url, dn, password),
    addUser,
    stop,
    start,
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
