/** Small fixtures for the identification tests (fictional 555-01xx and Ofcom drama numbers). */
import type { IndexProfile, IndexSite } from './types.js';

export const site = (id: string, over: Partial<IndexSite> = {}): IndexSite => ({
  id,
  mainPhones: [],
  noClientEmailDomain: false,
  country: 'US',
  ...over,
});

export const profile = (id: string, siteId: string, over: Partial<IndexProfile> = {}): IndexProfile => ({
  id,
  siteId,
  phones: [],
  ...over,
});

export const phone = (number: string, country?: string): IndexProfile['phones'][number] => ({
  number,
  type: 'office',
  ...(country ? { country } : {}),
});
