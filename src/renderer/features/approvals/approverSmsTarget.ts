/**
 * Where an approver's SMS code goes: the first `mobile` phone with an SMS gateway of the approver
 * named in the dial step (APPROVALS.md §3), looked up in the category policy's approvers.
 */
import { getAction, type PolicyCategory } from '../../../shared/approvals/catalogue.js';
import { contactNumbers } from '../../../shared/approvals/contactNumbers.js';
import type { DialStep, SiteRules } from '../../../shared/approvals/schemas.js';
import type { SmsCodeRequest } from '../../../shared/api/approvals.js';

export function approverSmsRequest(rules: SiteRules, actionId: string, dial: DialStep): SmsCodeRequest {
  const category = getAction(actionId)?.category;
  const policy = category && category !== 'tier4' ? rules.policies[category as PolicyCategory] : undefined;
  const approver = policy?.approvers.find((a) => a.name === dial.approver);
  const phone = approver?.phones.find((p) => p.type === 'mobile' && p.smsGateway);
  const number = phone ? contactNumbers(dial.approver, [phone], rules.country).sms : undefined;
  return {
    siteId: rules.siteId,
    purpose: 'approver',
    ...(approver?.profileId ? { profileId: approver.profileId } : {}),
    ...(number && phone?.smsGateway ? { number, smsGateway: phone.smsGateway } : {}),
  };
}
