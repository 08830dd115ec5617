/** Security approvals (APPROVALS.md): catalogue, schemas, the static decision and the call workflow. */
export * from './catalogue.js';
export * from './schemas.js';
export { evaluate, explainDecision, RMM_FEE_TEXT, type ExplainedDecision } from './evaluate.js';
export { REASON_CODES, reasonText, type Reason, type ReasonCode, type ReasonParams } from './reasons.js';
export { MAX_DIALS } from './callPlan.js';
export { RMM_PREAPPROVED_TAG } from './rules.js';
export { renderTemplate, loginPart, type TemplateName } from './renderTemplate.js';
export { softwareKey, findUnlicensedEntry } from './softwareName.js';
export * from './workflowTypes.js';
export { start, apply, replay, isFinal, expectedEvents, plannedDials, callerAuthRequired } from './workflow.js';
export { nextStep, type NextStep } from './nextStep.js';
export { siteMessageCheck, siteMessageMentions, namingTermsFor, type SiteMessageMention } from './siteMessage.js';
