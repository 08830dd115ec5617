/** How a call's caller is put in words (pop-up and call log); pure, so it is tested without React. */
import type { TFunction } from 'i18next';
import type { CallView } from '../../../shared/api/cti.js';

/** The other party's number: the caller for incoming calls, the number dialled for outgoing ones. */
export function otherNumber(call: CallView): string {
  return call.direction === 'in' ? call.from : call.to;
}

export function isWithheld(call: CallView): boolean {
  return !/\d/.test(otherNumber(call));
}

export function incomingHeadline(t: TFunction, call: CallView): string {
  const id = call.identification;
  if (id.identified && id.personName && id.siteName)
    return t('calls.incoming.identified', { person: id.personName, site: id.siteName });
  if (id.identified && id.siteName) return t('calls.incoming.siteOnly', { site: id.siteName });
  if (isWithheld(call)) return t('calls.incoming.withheld');
  return t('calls.incoming.unidentified', { number: otherNumber(call) });
}

export function callerLabel(t: TFunction, call: CallView): string {
  const id = call.identification;
  if (id.identified) return [id.personName, id.siteName].filter(Boolean).join(', ');
  return isWithheld(call) ? t('calls.withheld') : t('calls.unidentified');
}

export function durationLabel(t: TFunction, seconds: number | null): string {
  if (seconds === null) return '—';
  return t('calls.duration', { minutes: Math.floor(seconds / 60), seconds: String(seconds % 60).padStart(2, '0') });
}
