/**
 * Test support: a throwaway CA and a server certificate for 127.0.0.1 / localhost (made with the
 * `openssl` command), so the LDAPS tests can check that the driver trusts a site's private CA
 * when given its PEM, and refuses the server without it. The keys live in the test's temp folder.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestCertificates {
  caPem: string;
  caPath: string;
  certPath: string;
  keyPath: string;
}

export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false; // no openssl: the LDAPS tests are skipped with a notice
  }
}

export function makeTestCertificates(dir: string): TestCertificates {
  const p = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  run([
    'req',
    '-x509',
    ...ec,
    '-days',
    '2',
    '-subj',
    '/CN=Callsign test CA',
    '-keyout',
    p('ca.key'),
    '-out',
    p('ca.pem'),
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign',
  ]);
  run(['req', ...ec, '-subj', '/CN=127.0.0.1', '-keyout', p('server.key'), '-out', p('server.csr')]);
  writeFileSync(p('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  run([
    'x509',
    '-req',
    '-in',
    p('server.csr'),
    '-CA',
    p('ca.pem'),
    '-CAkey',
    p('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-out',
    p('server.pem'),
    '-extfile',
    p('server.ext'),
  ]);
  return {
    caPem: readFileSync(p('ca.pem'), 'utf8'),
    caPath: p('ca.pem'),
    certPath: p('server.pem'),
    keyPath: p('server.key'),
  };
}
