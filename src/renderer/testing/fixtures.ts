/** Test-only directory fixtures mirroring the demo workspace. */
import type { Change } from '../../shared/api/sync.js';

export const seattle = {
  id: 'site-nw-sea',
  name: 'Northwind Traders — Seattle',
  companyName: 'Northwind Traders',
  callerGreeting: 'Northwind IT Help Desk',
  mainPhones: ['+1 206 555 0100'],
  emailDomain: 'northwindtraders.com',
  siteMessage: 'Office move on Friday: all desk phones are down from 14:00.',
  rmmAgentOptIn: true,
  country: 'US',
};
export const chicagoA = {
  id: 'site-a-chi',
  name: 'Contoso — Chicago Loop',
  companyName: 'Contoso',
  mainPhones: ['+1 312 555 0199'],
  emailDomain: 'contoso.test',
  country: 'US',
};
export const chicagoB = {
  id: 'site-b-chi',
  name: 'Fabrikam — Chicago',
  companyName: 'Fabrikam',
  mainPhones: ['(312) 555-0199'],
  noClientEmailDomain: true,
  country: 'US',
};
export const dana = {
  id: 'p-dana',
  siteId: 'site-nw-sea',
  firstName: 'Dana',
  lastName: 'Reyes',
  email: 'dana.reyes@northwindtraders.com',
  phones: [
    { number: '+1 206 555 0101', type: 'mobile', country: 'US' },
    { number: '(206) 555-0102', type: 'office' },
  ],
};

export function fixtureChanges(): Change[] {
  const rows = [
    { kind: 'site', id: seattle.id, data: seattle },
    { kind: 'site', id: chicagoA.id, data: chicagoA },
    { kind: 'site', id: chicagoB.id, data: chicagoB },
    { kind: 'profile', id: dana.id, data: dana },
  ];
  return rows.map((r, i) => ({ seq: i + 1, op: 'upsert', ...r }) as unknown as Change);
}
