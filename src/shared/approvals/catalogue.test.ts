import { describe, expect, it } from 'vitest';
import { ACTION_IDS, actionsByCategory, CATALOGUE, CATEGORIES, getAction, searchCatalogue } from './catalogue.js';

// The ids of APPROVALS.md §1, copied verbatim: the catalogue must hold exactly these.
const SPEC_IDS =
  `user.create_aduc user.create_azure_ad user.create_local user.create_web_portal user.terminate user.enable_disabled user.remove_old
mail.create_mailbox mail.create_shared_mailbox mail.create_distribution_list mail.create_mail_group mail.delete
password.reset password.mfa_change password.self_change_walkthrough
permission.ntfs permission.sharing permission.aduc_group permission.azure_ad_group permission.network_group permission.mailbox
software.install software.update software.admin_credentials
rmm.install rmm.reinstall_troubleshooting
t4.domain_change t4.network_change t4.vpn_access t4.rdp_external_access t4.control_access_partner_portal t4.site_mfa_change t4.global_mfa_change t4.server_software t4.admin_password t4.firewall_listing`.split(
    /\s+/,
  );

describe('catalogue', () => {
  it('holds exactly the action ids of APPROVALS.md §1, each once', () => {
    expect([...ACTION_IDS].sort()).toEqual([...SPEC_IDS].sort());
    expect(new Set(ACTION_IDS).size).toBe(ACTION_IDS.length);
  });
  it('puts each id in its category, and only tier4 ids are flagged T4', () => {
    const prefix: Record<string, string> = {
      user: 'new_user_account',
      mail: 'new_mail_account',
      password: 'password_reset',
      permission: 'permission_change',
      software: 'software_installation',
      rmm: 'rmm_installation',
      t4: 'tier4',
    };
    for (const a of CATALOGUE) {
      expect(a.category).toBe(prefix[a.id.split('.')[0]!]);
      expect(a.tier4).toBe(a.category === 'tier4');
      expect(a.title.length).toBeGreaterThan(5);
    }
  });
  it('lists every category in order with its actions', () => {
    const groups = actionsByCategory();
    expect(groups.map((g) => g.category)).toEqual([...CATEGORIES]);
    expect(groups.flatMap((g) => g.actions)).toEqual(CATALOGUE);
    expect(getAction('rmm.install')?.category).toBe('rmm_installation');
    expect(getAction('nope')).toBeUndefined();
  });
});

describe('searchCatalogue', () => {
  it('finds actions by title words, synonyms and prefixes, best first', () => {
    expect(searchCatalogue('reset password')[0]?.id).toBe('password.reset');
    expect(searchCatalogue('forgot')[0]?.id).toBe('password.reset');
    expect(searchCatalogue('shared mailbox')[0]?.id).toBe('mail.create_shared_mailbox');
    expect(searchCatalogue('2fa')[0]?.id).toBe('password.mfa_change');
    expect(searchCatalogue('whitelist')[0]?.id).toBe('t4.firewall_listing');
    expect(searchCatalogue('NTF')[0]?.id).toBe('permission.ntfs');
    expect(searchCatalogue('home pc').map((a) => a.id)).toContain('rmm.install');
  });
  it('ignores case and accents, requires every word to match, and returns nothing for an empty query', () => {
    expect(searchCatalogue('MAILBOX PERMISSIONS')[0]?.id).toBe('permission.mailbox');
    expect(searchCatalogue('pàssword')[0]?.category).toBe('password_reset');
    expect(searchCatalogue('vpn zebra')).toEqual([]);
    expect(searchCatalogue('   ')).toEqual([]);
  });
});
