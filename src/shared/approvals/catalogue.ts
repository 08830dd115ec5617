/**
 * The request catalogue (APPROVALS.md §1): every security-related request a technician can raise.
 * Action ids are stable — the API, the bundle format, approval records and tests use them — so
 * never rename one; add a new id instead. Titles are English UI text; synonyms feed the search box.
 */

export const CATEGORIES = [
  'new_user_account',
  'new_mail_account',
  'password_reset',
  'permission_change',
  'software_installation',
  'rmm_installation',
  'tier4',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories that carry a site policy (every one except `tier4`, which is always partner approval). */
export const POLICY_CATEGORIES = CATEGORIES.filter((c) => c !== 'tier4') as Exclude<Category, 'tier4'>[];
export type PolicyCategory = Exclude<Category, 'tier4'>;

export const CATEGORY_TITLES: Record<Category, string> = {
  new_user_account: 'New user account',
  new_mail_account: 'New mail account',
  password_reset: 'Password reset',
  permission_change: 'File/folder permission change',
  software_installation: 'Software installation',
  rmm_installation: 'RMM installation',
  tier4: 'Always Tier 4',
};

export interface CatalogueAction {
  id: string;
  category: Category;
  title: string;
  synonyms: readonly string[];
  /** Always requires Tier 4 (partner) approval, whatever the site policy says. */
  tier4: boolean;
}

type Row = [id: string, title: string, synonyms: string[]];

const ROWS: Record<Category, Row[]> = {
  new_user_account: [
    [
      'user.create_aduc',
      'Create an Active Directory (ADUC) user',
      ['new user', 'add user', 'ad account', 'domain user', 'onboard', 'new hire'],
    ],
    [
      'user.create_azure_ad',
      'Create an Azure AD (Entra ID) user',
      ['new user', 'entra', 'aad', 'cloud user', 'onboard', 'new hire'],
    ],
    [
      'user.create_local',
      'Create a local account on a workstation',
      ['new user', 'local user', 'local admin', 'computer account'],
    ],
    [
      'user.create_web_portal',
      'Create a web-portal user (incl. Microsoft 365)',
      ['new user', 'o365', 'office 365', 'm365', 'portal login', 'website account'],
    ],
    [
      'user.terminate',
      'Terminate a user account',
      ['delete user', 'disable user', 'offboard', 'leaver', 'remove user', 'fired'],
    ],
    ['user.enable_disabled', 'Enable a disabled account', ['re-enable', 'reenable', 'reactivate', 'unlock account']],
    [
      'user.remove_old',
      'Remove old accounts from a workstation or web portal',
      ['delete old profiles', 'cleanup accounts', 'stale users'],
    ],
  ],
  new_mail_account: [
    ['mail.create_mailbox', 'Create an individual mailbox', ['new email', 'new mailbox', 'email account', 'exchange']],
    ['mail.create_shared_mailbox', 'Create a shared mailbox', ['shared email', 'shared inbox', 'team mailbox']],
    ['mail.create_distribution_list', 'Create a distribution list', ['dl', 'mailing list', 'email list']],
    [
      'mail.create_mail_group',
      'Create a mail group',
      ['m365 group', 'office 365 group', 'unified group', 'email group'],
    ],
    [
      'mail.delete',
      'Delete or remove a mailbox, list or mail group',
      ['remove mailbox', 'delete email', 'remove distribution list'],
    ],
  ],
  password_reset: [
    [
      'password.reset',
      "Reset a user's password",
      ['forgot password', 'locked out', 'pw reset', 'new password', 'password change'],
    ],
    [
      'password.mfa_change',
      "Change a user's MFA settings",
      ['2fa', 'two factor', 'authenticator', 'mfa reset', 'new phone', 'otp'],
    ],
    [
      'password.self_change_walkthrough',
      'Walk a user through changing their own password',
      ['change own password', 'self service', 'sspr', 'guide password change'],
    ],
  ],
  permission_change: [
    ['permission.ntfs', 'Change NTFS permissions', ['file permissions', 'folder access', 'acl', 'security tab']],
    ['permission.sharing', 'Change sharing permissions', ['share access', 'network share', 'shared folder']],
    ['permission.aduc_group', 'Change ADUC group membership', ['security group', 'ad group', 'add to group']],
    ['permission.azure_ad_group', 'Change Azure AD group membership', ['entra group', 'aad group', 'cloud group']],
    [
      'permission.network_group',
      'Change VPN or network-device group membership',
      ['vpn group', 'firewall group', 'network access'],
    ],
    [
      'permission.mailbox',
      'Change mailbox permissions',
      ['full access', 'read and manage', 'send as', 'send on behalf', 'delegate', 'distribution group membership'],
    ],
  ],
  software_installation: [
    [
      'software.install',
      'Install software on a workstation',
      ['install app', 'new program', 'download', 'application'],
    ],
    ['software.update', 'Update or upgrade software on a workstation', ['upgrade', 'patch', 'new version']],
    [
      'software.admin_credentials',
      'Enter administrator credentials while the user installs software',
      ['uac prompt', 'admin password prompt', 'elevate', 'run as admin'],
    ],
  ],
  rmm_installation: [
    ['rmm.install', 'Install the RMM agent', ['agent', 'remote agent', 'monitoring agent', 'home pc', 'remote access']],
    [
      'rmm.reinstall_troubleshooting',
      'Remove and immediately reinstall the RMM agent (troubleshooting)',
      ['reinstall agent', 'agent offline', 'repair agent'],
    ],
  ],
  tier4: [
    [
      't4.domain_change',
      'Change the domain (incl. joining or removing computers)',
      ['domain join', 'unjoin', 'add computer to domain'],
    ],
    [
      't4.network_change',
      'Change the network (IP ranges, DNS records, time servers)',
      ['dns', 'dhcp', 'ip range', 'ntp', 'subnet'],
    ],
    ['t4.vpn_access', 'Grant new VPN access', ['vpn', 'remote access', 'new vpn user']],
    [
      't4.rdp_external_access',
      'Grant new RDP access from outside the domain',
      ['rdp', 'remote desktop', 'external access'],
    ],
    [
      't4.control_access_partner_portal',
      'Grant Control access via the partner portal',
      ['screenconnect', 'control access', 'partner portal'],
    ],
    [
      't4.site_mfa_change',
      'Add or remove MFA at site or tenant level',
      ['tenant mfa', 'enable mfa', 'disable mfa', 'conditional access'],
    ],
    [
      't4.global_mfa_change',
      'Global MFA change at site or tenant level',
      ['mfa policy', 'security defaults', 'tenant mfa'],
    ],
    [
      't4.server_software',
      'Install, remove or update software on a server',
      ['server install', 'server update', 'server software'],
    ],
    [
      't4.admin_password',
      'Change an administrator account password',
      ['admin password', 'domain admin', 'local admin password', 'website admin'],
    ],
    [
      't4.firewall_listing',
      'Change allow/deny listing on a firewall or other device',
      ['whitelist', 'blacklist', 'allowlist', 'denylist', 'firewall rule', 'block site'],
    ],
  ],
};

export const CATALOGUE: readonly CatalogueAction[] = CATEGORIES.flatMap((category) =>
  ROWS[category].map(([id, title, synonyms]) => ({ id, category, title, synonyms, tier4: category === 'tier4' })),
);

export const ACTION_IDS = CATALOGUE.map((a) => a.id) as [string, ...string[]];

const BY_ID = new Map(CATALOGUE.map((a) => [a.id, a]));

export function getAction(id: string): CatalogueAction | undefined {
  return BY_ID.get(id);
}

/** The catalogue grouped by category, in catalogue order (for the category picker). */
export function actionsByCategory(): { category: Category; title: string; actions: CatalogueAction[] }[] {
  return CATEGORIES.map((category) => ({
    category,
    title: CATEGORY_TITLES[category],
    actions: CATALOGUE.filter((a) => a.category === category),
  }));
}

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Type-ahead search over ids, titles, synonyms and category titles. The catalogue has ~40 rows, so a
 * plain scan is enough (no index). Every query token must match (as a prefix of some word); words
 * in the title weigh more than synonyms, which weigh more than the category. Best first; ties keep
 * catalogue order. An empty query returns nothing (the UI shows the category list instead).
 */
export function searchCatalogue(query: string): CatalogueAction[] {
  const wanted = tokens(query);
  if (wanted.length === 0) return [];
  const scored: { action: CatalogueAction; score: number; order: number }[] = [];
  CATALOGUE.forEach((action, order) => {
    const fields: [string[], number][] = [
      [tokens(action.title), 3],
      [action.synonyms.flatMap(tokens), 2],
      [[...tokens(action.id), ...tokens(CATEGORY_TITLES[action.category])], 1],
    ];
    let score = 0;
    for (const token of wanted) {
      let best = 0;
      for (const [words, weight] of fields) {
        for (const word of words) {
          if (word === token) best = Math.max(best, weight * 2);
          else if (word.startsWith(token)) best = Math.max(best, weight);
        }
      }
      if (best === 0) return;
      score += best;
    }
    scored.push({ action, score, order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.action);
}
