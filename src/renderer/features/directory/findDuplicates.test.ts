import { describe, expect, it } from 'vitest';
import type { ClientProfile } from '../../../shared/domain/index.js';
import { findDuplicates } from './findDuplicates.js';

const person = (id: string, p: Partial<ClientProfile>): ClientProfile => ({
  id,
  siteId: 's1',
  firstName: 'A',
  lastName: id,
  phones: [],
  thinClient: false,
  psaContact: false,
  ...p,
});
const others = [
  person('dana', { email: 'Dana.Reyes@acme.com', phones: [{ number: '(206) 555-0100', type: 'office' }] }),
  person('sam', { phones: [{ number: '020 7946 0018', type: 'office', country: 'GB' }] }),
];

describe('findDuplicates', () => {
  it('finds the same email in any case, and the same number in any format', () => {
    const draft = { id: 'new', email: 'dana.reyes@ACME.com', phones: [] };
    expect(findDuplicates(draft, others, 'US').map((d) => [d.profile.id, d.by])).toEqual([['dana', 'email']]);
    const byPhone = { id: 'new', phones: [{ number: '+1 206 555 0100', type: 'mobile' as const }] };
    expect(findDuplicates(byPhone, others, 'US')).toMatchObject([
      { profile: { id: 'dana' }, by: 'phone', value: '(206) 555-0100' },
    ]);
  });

  it('reads each number with its own country before the site’s', () => {
    const uk = { id: 'new', phones: [{ number: '+44 20 7946 0018', type: 'office' as const }] };
    expect(findDuplicates(uk, others, 'US').map((d) => d.profile.id)).toEqual(['sam']);
  });

  it('ignores the profile being edited and different numbers', () => {
    expect(findDuplicates({ id: 'dana', email: 'dana.reyes@acme.com', phones: [] }, others, 'US')).toEqual([]);
    expect(findDuplicates({ id: 'x', phones: [{ number: '206 555 0199', type: 'office' }] }, others, 'US')).toEqual([]);
  });
});
