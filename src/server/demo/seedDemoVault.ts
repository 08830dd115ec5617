/**
 * Demo vault accounts (issue 10): dynamic and static back-office accounts on a few fixture sites,
 * rotated by the `simulated-agent` driver, so the demo NOC user can check one out at once. The
 * initial passwords are random and stored only sealed; nobody needs to know them.
 */
import type { CredentialInput } from '../../shared/api/index.js';
import type { Services } from '../app.js';
import { generatePassword } from '../vault/generatePassword.js';
import { requireCipher } from '../vault/vaultCipher.js';

type DemoAccount = Omit<CredentialInput, 'description' | 'remarks' | 'resources' | 'driver' | 'secret'> &
  Partial<Pick<CredentialInput, 'description' | 'resources'>>;

export const DEMO_VAULT_ACCOUNTS: readonly DemoAccount[] = [
  {
    id: 'cred-northwind-noc',
    siteId: 'site-northwind',
    name: 'NOC maintenance (domain)',
    category: 'server',
    accountType: 'domain',
    domain: 'corp.northwindtraders.com',
    netbiosDomain: 'NORTHWIND',
    username: 'svc-noc-maint',
    description: 'Rotated after every use. For server maintenance windows.',
    kind: 'dynamic',
    resources: ['NW-DC01', 'NW-FS01', 'NW-RDS01'],
    backOfficeAccess: true,
  },
  {
    id: 'cred-northwind-rds-local',
    siteId: 'site-northwind',
    name: 'Terminal server local admin',
    category: 'server',
    accountType: 'local',
    username: 'nocadmin',
    kind: 'dynamic',
    resources: ['NW-RDS01'],
    backOfficeAccess: true,
  },
  {
    id: 'cred-northwind-firewall',
    siteId: 'site-northwind',
    name: 'Firewall read-only',
    category: 'lights_out',
    accountType: 'local',
    username: 'noc-readonly',
    description: 'Static: shared read-only login to the FortiGate.',
    kind: 'static',
    resources: ['NW-FW01'],
    backOfficeAccess: true,
  },
  {
    id: 'cred-contoso-noc',
    siteId: 'site-contoso-london',
    name: 'NOC maintenance (local)',
    category: 'desktop',
    accountType: 'local',
    username: 'noc-desk',
    kind: 'dynamic',
    backOfficeAccess: true,
  },
  {
    id: 'cred-fabrikam-app',
    siteId: 'site-fabrikam',
    name: 'Line-of-business app service login',
    category: 'application',
    accountType: 'local',
    username: 'lob-service',
    kind: 'static',
    backOfficeAccess: true,
  },
];

/** Creates the demo accounts that do not exist yet (sites missing from this workspace are skipped). */
export async function seedDemoVault(services: Services): Promise<number> {
  const cipher = requireCipher(services.vault.cipher);
  let created = 0;
  for (const a of DEMO_VAULT_ACCOUNTS) {
    if ((await services.vault.credentials.get(a.id!)) || !(await services.directory.get('site', a.siteId))) continue;
    const driver = a.kind === 'dynamic' ? 'simulated-agent' : 'none';
    await services.vault.credentials.create({ ...a, driver, secret: generatePassword() }, cipher, 'system');
    created++;
  }
  return created;
}
