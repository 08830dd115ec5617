/** Test-only cache fixtures for the approvals feature: one site with a policy record covering several outcomes. */
import type { SitePolicyRecord } from '../../../shared/api/approvals.js';
import type { ClientProfile, Reference, Site } from '../../../shared/domain/index.js';
import type { CallsignDb } from '../../db/CallsignDb.js';
import { writeProfiles } from '../../db/profileBundles.js';
import { writeReferences } from '../../db/referenceChunks.js';
import { writeSites } from '../../db/siteChunks.js';

export const site: Site = {
  id: 'site-nw',
  name: 'Northwind Traders — Seattle',
  companyName: 'Northwind Traders',
  mainPhones: ['+1 206 555 0100'],
  emailDomain: 'northwindtraders.com',
  noClientEmailDomain: false,
  rmmAgentOptIn: true,
  country: 'US',
};

export const dana: ClientProfile = {
  id: 'p-dana',
  siteId: 'site-nw',
  firstName: 'Dana',
  lastName: 'Reyes',
  phones: [
    { number: '(206) 555-0101', type: 'mobile', provider: 'AT&T', smsGateway: '@txt.att.com' },
    { number: '(206) 555-0102', type: 'office' },
  ],
  thinClient: false,
  psaContact: false,
};

export const lee: ClientProfile = {
  id: 'p-lee',
  siteId: 'site-nw',
  firstName: 'Lee',
  lastName: 'Chan',
  phones: [{ number: '206 555 0121', type: 'office' }],
  thinClient: false,
  psaContact: false,
};

const ref = (r: Partial<Reference> & Pick<Reference, 'id' | 'subject'>): Reference => ({
  tags: [],
  allSites: false,
  siteIds: [],
  kind: 'other',
  body: { summary: '', symptoms: [], steps: [] },
  ...r,
});

export const references: Reference[] = [
  ref({ id: 'r-sec', subject: 'Verify the caller first', tags: ['Security-Related Requests'], allSites: true }),
  ref({ id: 'r-rmm', subject: 'RMM at Northwind', tags: ['rmm-preapproved'], siteIds: ['site-nw'] }),
  ref({ id: 'r-other', subject: 'Other site', tags: ['rmm-preapproved'], siteIds: ['site-else'] }),
];

const leeApprover = {
  kind: 'client' as const,
  name: 'Lee Chan',
  profileId: 'p-lee',
  phones: [
    { number: '+1 206 555 0121', type: 'office' as const },
    { number: '+1 206 555 0122', type: 'mobile' as const },
  ],
};

export const policy: SitePolicyRecord = {
  siteId: 'site-nw',
  policies: {
    password_reset: {
      noApprovalNeeded: true,
      approvers: [leeApprover],
      authenticateCaller: 'none',
      authenticateApprover: 'none',
    },
    software_installation: {
      noApprovalNeeded: false,
      approvers: [leeApprover],
      authenticateCaller: 'none',
      authenticateApprover: 'none',
    },
    new_user_account: {
      noApprovalNeeded: true,
      approvers: [],
      authenticateCaller: 'sms',
      authenticateApprover: 'none',
      usernameFormat: '{first}.{last}',
      defaultSecurityGroups: ['Staff'],
    },
  },
  unlicensedSoftware: [
    { name: 'Zoom', action: 'install' },
    { name: 'BitTorrent', action: 'never' },
  ],
  groupContacts: [],
  partnerContacts: [],
  notificationContacts: [],
};

/** `siteOverrides` changes the site for one test, e.g. to give it a site message. */
export async function seedApprovalsCache(db: CallsignDb, siteOverrides: Partial<Site> = {}): Promise<void> {
  await db.transaction('rw', db.siteChunks, () => writeSites(db, [{ ...site, ...siteOverrides }], []));
  await db.transaction('rw', db.siteProfiles, () => writeProfiles(db, [dana, lee], [], () => undefined));
  await db.transaction('rw', db.referenceChunks, () => writeReferences(db, references, []));
  await db.policies.put(policy);
}
