/** Caller identification: the in-memory index, the lookup, and the parsing rules behind them. */
export { createCallerIndex } from './callerIndex.js';
export { identifyCaller, type IdentifyOptions } from './identifyCaller.js';
export { parseEmail, type ParsedEmail } from './parseEmail.js';
export { isPublicDomain } from './publicDomains.js';
export type * from './types.js';
export { identifyNumbersInText, MAX_TEXT_LENGTH, type NumberInText } from './identifyNumbersInText.js';
export { profilePhoneKeys, sitePhoneKeys, type RecordKeys } from './recordKeys.js';
