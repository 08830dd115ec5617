/**
 * HTTP contract of incoming calls from the phone system (CTI), shared by the server and the desktop app.
 *
 * Anchors: Zammad's generic CTI API and sipgate.io's push API. Both post `event` (`newCall`, `answer`,
 * `hangup`), `from`, `to`, `direction` (`in`/`out`), `callId` and `user[]` (the people the call rings for
 * or who made it); `answer` may name the `answeringNumber`, `hangup` a `cause`. sipgate posts them
 * form-encoded, Zammad also as JSON: `POST /v1/cti/events` takes both, authenticated by the
 * integration's token in `Authorization: Bearer` — never in the URL (unlike sipgate's and Zammad's
 * token-in-path endpoints, which leak into proxy logs).
 *
 *  - `POST /v1/cti/events` → 202 `{ accepted: true, callId }` (integration token)
 *  - `GET  /v1/cti/calls?limit=` → `CallList`, newest first (`directory.read`)
 *  - `POST /v1/cti/calls/:id/attach` `{ profileId }` → `CallView` (`directory.write`, audited)
 *  - `GET|POST /v1/admin/cti/integrations`, `DELETE /v1/admin/cti/integrations/:id` (admin)
 *  - `GET /v1/admin/cti/extensions`, `PUT /v1/admin/users/:id/cti-extension` (admin)
 *  - WebSocket `/v1/cti/stream` (access token in `Authorization`): `CallPush` messages for the
 *    calls mapped to the signed-in technician.
 */
import { z } from 'zod';

export const CtiEventName = z.enum(['newCall', 'answer', 'hangup']);
export type CtiEventName = z.infer<typeof CtiEventName>;

/** A phone number or extension as a PBX writes it, or `anonymous`. */
const Party = z.string().trim().min(1, 'give the number (or "anonymous")').max(64);
/** sipgate always sends `user[]`, a generic PBX may send one `user` string. */
const Users = z
  .union([z.string().max(200), z.array(z.string().max(200)).max(50)])
  .transform((u) => (Array.isArray(u) ? u : [u]).map((s) => s.trim()).filter((s) => s.length > 0));

export const CtiEvent = z.object({
  event: CtiEventName,
  from: Party,
  to: Party,
  direction: z.enum(['in', 'out']),
  callId: z
    .string()
    .trim()
    .min(1, 'give the call id the phone system uses for this call')
    .max(250)
    .regex(/^[\x21-\x7e]+$/, 'use printable characters without spaces'),
  user: Users.default([]),
  answeringNumber: z.string().trim().min(1).max(64).optional(),
  cause: z.string().trim().max(64).optional(),
  queue: z.string().trim().max(200).optional(),
});
export type CtiEvent = z.output<typeof CtiEvent>;
export type CtiEventInput = z.input<typeof CtiEvent>;

export const CallState = z.enum(['ringing', 'answered', 'missed', 'ended']);
export type CallState = z.infer<typeof CallState>;

/** Who the caller is, as the server's lookup found them (first candidate), or unidentified. */
export const CallIdentification = z.object({
  identified: z.boolean(),
  ambiguous: z.boolean(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  companyName: z.string().nullable(),
  profileId: z.string().nullable(),
  personName: z.string().nullable(),
  /** The E.164 form when the number could be read; null for `anonymous` or unreadable input. */
  e164: z.string().nullable(),
});
export type CallIdentification = z.infer<typeof CallIdentification>;

export const CallView = z.object({
  id: z.string(),
  callId: z.string(),
  direction: z.enum(['in', 'out']),
  from: z.string(),
  to: z.string(),
  state: CallState,
  users: z.array(z.string()),
  answeredBy: z.string().nullable(),
  startedAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  /** Seconds between answer and hang-up; null until both happened. */
  durationSeconds: z.number().int().nullable(),
  identification: CallIdentification,
});
export type CallView = z.infer<typeof CallView>;

export const CallList = z.object({ calls: z.array(CallView) });
export type CallList = z.infer<typeof CallList>;

/** One message on the stream: the call as it stands after `event`, and when the server received it. */
export const CallPush = z.object({
  type: z.literal('call'),
  event: CtiEventName,
  receivedAt: z.number(),
  call: CallView,
});
export type CallPush = z.infer<typeof CallPush>;

export const AttachNumber = z.object({ profileId: z.string().min(1, 'choose the person to attach it to').max(128) });

export const CtiIntegration = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type CtiIntegration = z.infer<typeof CtiIntegration>;
export const CtiIntegrationList = z.object({ integrations: z.array(CtiIntegration) });
/** The token is in this answer only: the server keeps its hash. */
export const CtiIntegrationCreated = z.object({ integration: CtiIntegration, token: z.string() });
export const NewCtiIntegration = z.object({ name: z.string().trim().min(1, 'name the phone system').max(100) });

export const CtiExtension = z.object({
  extension: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\p{L}\p{N} .+@_-]+$/u, 'use the extension or name the phone system sends in user[]')
    .nullable(),
});
export const CtiExtensionList = z.object({
  extensions: z.array(z.object({ userId: z.string(), email: z.string(), extension: z.string() })),
});
