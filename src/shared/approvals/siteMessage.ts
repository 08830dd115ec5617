/**
 * Does a site's message name the request the technician is about to raise? (UX.md principle 9.)
 *
 * A site message is free text typed by a person ("Do not reset passwords for the finance team"), so
 * matching is by words, not ids: the message is split into sentences, each word is mapped to a
 * canonical term through a small synonym table (plurals and verb forms included), and an action is
 * named when one sentence holds every term of one of its term groups. Groups pair a verb with an
 * object where the object alone is too common ("user", "account"); distinctive objects ("password",
 * "vpn", "mfa") stand alone, because a message that mentions them is about them.
 */
import { getAction, type Category } from './catalogue.js';

/** word as typed (lower case) → canonical term. Words not listed are their own term. */
const SYNONYMS: Record<string, string> = {
  passwords: 'password',
  pw: 'password',
  pwd: 'password',
  passcode: 'password',
  passphrase: 'password',
  resets: 'reset',
  resetting: 'reset',
  unlock: 'reset',
  unlocks: 'reset',
  unlocking: 'reset',
  change: 'change',
  changes: 'change',
  changing: 'change',
  changed: 'change',
  modify: 'change',
  '2fa': 'mfa',
  authenticator: 'mfa',
  multifactor: 'mfa',
  otp: 'mfa',
  create: 'create',
  creates: 'create',
  creating: 'create',
  add: 'create',
  adding: 'create',
  new: 'create',
  onboard: 'create',
  onboarding: 'create',
  user: 'account',
  users: 'account',
  accounts: 'account',
  login: 'account',
  logins: 'account',
  terminate: 'remove',
  terminating: 'remove',
  delete: 'remove',
  deleting: 'remove',
  remove: 'remove',
  removing: 'remove',
  disable: 'remove',
  disabling: 'remove',
  offboard: 'remove',
  offboarding: 'remove',
  enable: 'enable',
  enabling: 'enable',
  reactivate: 'enable',
  mailboxes: 'mailbox',
  inbox: 'mailbox',
  inboxes: 'mailbox',
  dl: 'list',
  lists: 'list',
  permissions: 'permission',
  acl: 'permission',
  acls: 'permission',
  access: 'permission',
  share: 'permission',
  shares: 'permission',
  groups: 'group',
  membership: 'group',
  memberships: 'group',
  installs: 'install',
  installing: 'install',
  installation: 'install',
  installations: 'install',
  reinstall: 'install',
  update: 'install',
  updates: 'install',
  updating: 'install',
  upgrade: 'install',
  upgrades: 'install',
  upgrading: 'install',
  software: 'software',
  app: 'software',
  apps: 'software',
  application: 'software',
  applications: 'software',
  program: 'software',
  programs: 'software',
  agent: 'rmm',
  agents: 'rmm',
  servers: 'server',
  firewalls: 'firewall',
  whitelist: 'firewall',
  blacklist: 'firewall',
  allowlist: 'firewall',
  denylist: 'firewall',
  dhcp: 'dns',
  ntp: 'dns',
  subnet: 'dns',
  admin: 'administrator',
  admins: 'administrator',
  administrators: 'administrator',
  screenconnect: 'control',
};

type Groups = readonly (readonly string[])[];

/** Per category; an action adds its own groups below. Terms are canonical (see SYNONYMS). */
const CATEGORY_GROUPS: Record<Category, Groups> = {
  new_user_account: [['create', 'account']],
  new_mail_account: [['mailbox'], ['distribution', 'list'], ['list', 'mail'], ['group', 'mail'], ['create', 'email']],
  password_reset: [['password']],
  permission_change: [['permission'], ['group']],
  software_installation: [['install'], ['software']],
  rmm_installation: [['rmm']],
  tier4: [],
};

const ACTION_GROUPS: Record<string, Groups> = {
  'user.terminate': [['remove', 'account']],
  'user.enable_disabled': [
    ['enable', 'account'],
    ['reset', 'account'],
  ],
  'user.remove_old': [['remove', 'account']],
  'password.mfa_change': [['mfa']],
  't4.domain_change': [['domain']],
  't4.network_change': [['dns'], ['network', 'change']],
  't4.vpn_access': [['vpn']],
  't4.rdp_external_access': [['rdp'], ['remote', 'desktop']],
  't4.control_access_partner_portal': [['control'], ['partner', 'portal']],
  't4.site_mfa_change': [['mfa']],
  't4.global_mfa_change': [['mfa']],
  't4.server_software': [['server']],
  't4.admin_password': [['password']],
  't4.firewall_listing': [['firewall']],
};

/** The term groups that name an action: its category's and its own. Unknown id → none. */
export function namingTermsFor(actionId: string): Groups {
  const action = getAction(actionId);
  if (!action) return [];
  return [...CATEGORY_GROUPS[action.category], ...(ACTION_GROUPS[actionId] ?? [])];
}

function canonical(word: string): string {
  return SYNONYMS[word] ?? word;
}

/** Sentences of the message, as typed (trimmed), each with its set of canonical terms. */
function sentences(message: string): { text: string; terms: Set<string> }[] {
  return message
    .split(/(?<=[.!?;])\s+|\n+/u)
    .map((text) => text.trim())
    .filter((text) => text.length > 0)
    .map((text) => ({
      text,
      terms: new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(canonical)),
    }));
}

export interface SiteMessageMention {
  /** True when a sentence of the message names the action (by its own or its category's words). */
  names: boolean;
  /** The sentences that name it, as typed — the UI quotes them. */
  sentences: string[];
}

/** Whether `message` names the action `actionId`; an empty message or unknown action names nothing. */
export function siteMessageMentions(message: string | undefined, actionId: string): SiteMessageMention {
  const groups = namingTermsFor(actionId);
  if (!message || groups.length === 0) return { names: false, sentences: [] };
  const hits = sentences(message)
    .filter((s) => groups.some((group) => group.every((term) => s.terms.has(term))))
    .map((s) => s.text);
  return { names: hits.length > 0, sentences: hits };
}

/**
 * What the technician must do about the site message before a request goes ahead. The site model
 * has no "critical" flag: a site message is by definition critical (domain/site.ts — "critical
 * information that never expires"), so any non-blank message must be confirmed as read; `names`
 * says whether it names this action, which the UI states and quotes first.
 */
export function siteMessageCheck(
  message: string | undefined,
  actionId: string,
): { required: boolean } & SiteMessageMention {
  const required = !!message && message.trim().length > 0;
  return { required, ...(required ? siteMessageMentions(message, actionId) : { names: false, sentences: [] }) };
}
