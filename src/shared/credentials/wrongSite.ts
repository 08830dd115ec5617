/**
 * The wrong-site guard: checking out a credential of a site other than the identified caller's is
 * allowed only after an explicit confirmation, and the server flags it in the audit. Without an
 * identified caller there is nothing to compare, so nothing to confirm.
 */
export function isWrongSite(credentialSiteId: string, callerSiteId: string | undefined): boolean {
  return callerSiteId !== undefined && callerSiteId !== credentialSiteId;
}

/** The guard's part of a check-out request: the caller's site, and the confirmation where one is needed. */
export function wrongSiteFields(
  credentialSiteId: string,
  callerSiteId: string | undefined,
  confirmed: boolean,
): { callerSiteId?: string; wrongSiteConfirmed?: true } | { blocked: true } {
  if (!isWrongSite(credentialSiteId, callerSiteId)) return callerSiteId ? { callerSiteId } : {};
  return confirmed ? { callerSiteId: callerSiteId!, wrongSiteConfirmed: true } : { blocked: true };
}
