import { describe, expect, it } from 'vitest';
import { Role } from '../api/auth.js';
import { hasPermission, leastRoleWith, Permission, ROLE_PERMISSIONS } from './permissions.js';

describe('role permission table', () => {
  it('is exactly this table', () => {
    expect(ROLE_PERMISSIONS).toEqual({
      technician: ['account.self', 'directory.read', 'approvals.write'],
      noc: ['account.self', 'directory.read', 'approvals.write', 'credentials.checkout'],
      supervisor: [
        'account.self',
        'directory.read',
        'approvals.write',
        'credentials.checkout',
        'credentials.force_checkin',
        'audit.read',
        'admin.read',
      ],
      admin: [
        'account.self',
        'directory.read',
        'approvals.write',
        'credentials.checkout',
        'credentials.force_checkin',
        'audit.read',
        'admin.read',
        'directory.write',
        'accounts.manage',
      ],
    });
  });

  it('builds each role on the one before, and every permission belongs to some role', () => {
    const roles = Role.options;
    for (let i = 1; i < roles.length; i++) {
      expect(ROLE_PERMISSIONS[roles[i]!]).toEqual(expect.arrayContaining([...ROLE_PERMISSIONS[roles[i - 1]!]]));
    }
    for (const p of Permission.options) expect(ROLE_PERMISSIONS.admin).toContain(p);
  });

  it('answers hasPermission and names the least role', () => {
    expect(hasPermission('technician', 'public')).toBe(true);
    expect(hasPermission('technician', 'credentials.checkout')).toBe(false);
    expect(hasPermission('noc', 'credentials.checkout')).toBe(true);
    expect(hasPermission('supervisor', 'directory.write')).toBe(false);
    expect(leastRoleWith('audit.read')).toBe('supervisor');
    expect(leastRoleWith('accounts.manage')).toBe('admin');
    expect(leastRoleWith('directory.read')).toBe('technician');
  });
});
