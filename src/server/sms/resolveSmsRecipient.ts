/**
 * Who receives an SMS code, from a `SmsCodeRequest`:
 *  - a profile (`profileId`): for approvers, the site's policy approver with that profile id (its own
 *    phones, APPROVALS.md §6) else the directory profile; for callers, the directory profile — which
 *    must belong to the site;
 *  - an approver number (`number` [+ `smsGateway`]): only a phone listed for the site's approvers,
 *    group or partner contacts, so the endpoint cannot text arbitrary numbers **(choice)**.
 * The code always goes to the first SMS-capable phone; a person without one is a 400 naming the field.
 */
import { AppError, type SitePolicyRecord, type SmsCodeRequest } from '../../shared/api/index.js';
import type { Approver } from '../../shared/approvals/index.js';
import { fullName, type Site } from '../../shared/domain/index.js';
import { normalizePhone } from '../../shared/phone/normalizePhone.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import type { PolicyStore } from '../approvals/PolicyStore.js';
import { firstSmsPhone, gatewayDomain, type SmsTarget } from './smsAddress.js';

export interface SmsRecipient {
  site: Site;
  name: string;
  target: SmsTarget;
}

function siteApprovers(policy: SitePolicyRecord | undefined): Approver[] {
  if (!policy) return [];
  return [
    ...Object.values(policy.policies).flatMap((p) => p?.approvers ?? []),
    ...policy.groupContacts,
    ...policy.partnerContacts,
  ];
}

const NO_SMS_PHONE = (name: string) =>
  `${name} has no mobile phone with an SMS gateway, so no code can be sent. Add the mobile carrier's gateway to the phone, or escalate to the partner.`;

async function byProfile(
  deps: { directory: DirectoryStore },
  site: Site,
  policy: SitePolicyRecord | undefined,
  request: SmsCodeRequest,
  profileId: string,
): Promise<SmsRecipient> {
  const approver =
    request.purpose === 'approver' ? siteApprovers(policy).find((a) => a.profileId === profileId) : undefined;
  const profile = approver ? undefined : await deps.directory.get('profile', profileId);
  if (!approver && (!profile || profile.siteId !== site.id)) {
    throw new AppError(
      'not_found',
      `profileId: there is no person "${profileId}" at site "${site.id}". Pick the caller from the site's profiles.`,
      'profileId',
    );
  }
  const name = approver ? approver.name : fullName(profile!);
  const target = firstSmsPhone(approver ? approver.phones : profile!.phones, site.country);
  if (!target) throw new AppError('bad_request', `profileId: ${NO_SMS_PHONE(name)}`, 'profileId');
  return { site, name, target };
}

function byNumber(
  site: Site,
  policy: SitePolicyRecord | undefined,
  number: string,
  smsGateway: string | undefined,
): SmsRecipient {
  const wanted = normalizePhone(number, site.country);
  if (!wanted.ok) throw new AppError('bad_request', `number: ${wanted.message}`, 'number');
  for (const approver of siteApprovers(policy)) {
    const phone = approver.phones.find((p) => {
      const n = normalizePhone(p.number, p.country ?? site.country);
      return n.ok && n.e164 === wanted.e164;
    });
    if (!phone) continue;
    const target = firstSmsPhone([phone], site.country);
    if (!target) throw new AppError('bad_request', `number: ${NO_SMS_PHONE(approver.name)}`, 'number');
    if (smsGateway !== undefined && gatewayDomain(smsGateway) !== target.gateway) {
      throw new AppError(
        'bad_request',
        `smsGateway: the site lists @${target.gateway} for this number. Send that gateway or leave it out.`,
        'smsGateway',
      );
    }
    return { site, name: approver.name, target };
  }
  throw new AppError(
    'bad_request',
    `number: ${wanted.e164} is not a phone of one of this site's approvers. Codes go only to numbers in the site's approval rules.`,
    'number',
  );
}

export async function resolveSmsRecipient(
  deps: { directory: DirectoryStore; policies: PolicyStore },
  request: SmsCodeRequest,
): Promise<SmsRecipient> {
  const site = await deps.directory.get('site', request.siteId);
  if (!site)
    throw new AppError(
      'not_found',
      `siteId: there is no site "${request.siteId}". Sync and pick the site again.`,
      'siteId',
    );
  const policy = await deps.policies.get(site.id);
  if (request.profileId) return byProfile(deps, site, policy, request, request.profileId);
  if (request.purpose === 'approver' && request.number)
    return byNumber(site, policy, request.number, request.smsGateway);
  throw request.purpose === 'caller'
    ? new AppError(
        'bad_request',
        'profileId: say which caller gets the code (their profile id). An unidentified caller cannot be sent a code.',
        'profileId',
      )
    : new AppError('bad_request', "number: give the approver's profile id or phone number.", 'number');
}
