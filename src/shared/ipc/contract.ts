/**
 * The one typed IPC contract between the renderer and main (Electron IPC or the web bridge).
 *
 * Each request channel has a zod schema for its payload (main validates every payload with it) and a
 * result type. Tokens never cross this boundary: main holds them, the renderer only sees UserInfo.
 * Events are pushed from main to the renderer.
 */
import { z } from 'zod';
import { SyncPage, UserInfo, type SyncPageBytes } from '../api/index.js';
import {
  ApprovalRecord,
  ApprovalStored,
  EscalationRequest,
  SmsCodeChecked,
  SmsCodeRequest,
  SmsCodeSent,
} from '../api/approvals.js';
import { CountryHint, MAX_LOOKUP_TEXT } from '../api/lookup.js';
import { ServerUrl } from '../api/serverUrl.js';
import { DEFAULT_LOCALE, Locale } from '../i18n/locales.js';
import type { AuditPage, AuditVerification } from '../api/audit.js';
import { ApprovalExportQuery, ApprovalFilter, ApprovalQuery } from '../audit/approvalQuery.js';
import type { ApprovalDetail } from '../audit/approvalDetail.js';
import type { ApprovalPage } from '../audit/approvalList.js';
import type { ApprovalStats } from '../audit/approvalStats.js';
import type { AccountList } from '../auth/accounts.js';
import { AccountInvite, AccountRoleChange, type AccountInvited } from '../auth/accountInvite.js';
import {
  AdminGetRequest,
  AdminListRequest,
  AdminSaveRequest,
  type AdminPage,
  type AdminRecord,
  type AdminWritten,
} from '../admin/directoryAdmin.js';
import {
  ImportApply,
  ImportChunk,
  ImportStart,
  ImportToken,
  ProfilesExport,
  type ExportedFile,
} from '../admin/importIpc.js';
import type { ImportJobStatus } from '../directory/import/contract.js';
import type { DeviceList, TotpConfirmed, TotpEnrolment } from '../auth/session.js';
import { CurrentPassword } from '../auth/session.js';
import { ChangePasswordRequest, NewPassword } from '../auth/passwordChange.js';
import { CheckoutRequest, type CheckinResult, type CredentialList } from '../api/credentials.js';
import type { CallList, CallPush, CallView } from '../api/cti.js';
import type { CopyResult, LeaseEnded, LeaseView, ReadBack } from '../credentials/leaseTypes.js';

export const ThemeMode = z.enum(['system', 'light', 'dark']);
export type ThemeMode = z.infer<typeof ThemeMode>;

/** Each setting's rule, without defaults (a patch must not reset the fields it leaves out). */
const SettingsFields = {
  theme: ThemeMode,
  locale: Locale,
  serverUrl: ServerUrl,
  /** How long a copied password stays on the clipboard before Callsign clears it (if still there). */
  clipboardClearSeconds: z.number().int().min(10).max(300),
  /** Minutes without activity before the app signs out; unset = 15, the portal's and the most allowed. */
  idleSignOutMinutes: z.number().int().min(1).max(15),
  /**
   * Desk country (ISO alpha-2): where a number the technician types without a country code is read
   * first. Unset or null: the workspace's most common site country.
   */
  deskCountry: CountryHint.nullable(),
  /** Open the caller’s site as soon as an identified incoming call pops up, without a click (off when absent). */
  autoOpenCallSite: z.boolean(),
};

export const Settings = z.object({
  theme: SettingsFields.theme.default('system'),
  locale: SettingsFields.locale.default(DEFAULT_LOCALE),
  serverUrl: SettingsFields.serverUrl.optional(),
  clipboardClearSeconds: SettingsFields.clipboardClearSeconds.default(30),
  idleSignOutMinutes: SettingsFields.idleSignOutMinutes.optional(),
  deskCountry: SettingsFields.deskCountry.optional(),
  autoOpenCallSite: SettingsFields.autoOpenCallSite.optional(),
});
/**
 * A settings change: only the fields given. Not `Settings.partial()` — zod 4 applies a default even
 * inside `.optional()`, so saving the theme used to reset the language (and clipboard time) too.
 */
export const SettingsPatch = z.object(SettingsFields).partial().strict();
export type Settings = z.infer<typeof Settings>;

export const SessionStatus = z.object({
  signedIn: z.boolean(),
  user: UserInfo.optional(),
  serverUrl: z.string(),
  /** False when the last call to the server failed to connect. */
  online: z.boolean(),
  /** The password was right and the account has TOTP: `session.totp` with a code finishes sign-in. */
  mfaRequired: z.boolean().optional(),
  /**
   * The password was a one-time password an administrator set (and the TOTP code was right, when
   * enrolled): `session.choosePassword` with the person's own password finishes sign-in.
   */
  passwordChangeRequired: z.boolean().optional(),
  /**
   * Whether the signed-in account has two-step sign-in (TOTP) on, as main knows it: on when this
   * sign-in needed a code or enrolment was confirmed in this session, off when the password alone
   * signed in. An administrator's reset elsewhere shows at the next sign-in.
   */
  totpEnabled: z.boolean().optional(),
  /**
   * Opened by offline unlock (server unreachable at sign-in; the password matched this computer's
   * verifier of the last user): the cache only, read-only towards the server, until a normal sign-in.
   */
  offlineUnlocked: z.boolean().optional(),
});
export type SessionStatus = z.infer<typeof SessionStatus>;

/** Request payload schemas, one per channel. */
export const requestSchemas = {
  'session.status': z.object({}).strict(),
  'session.login': z
    .object({
      email: z.email('enter the email address you sign in with'),
      password: z.string().min(1, 'enter your password').max(1024),
      serverUrl: ServerUrl.optional(),
    })
    .strict(),
  /** Second sign-in step for accounts with TOTP: a 6-digit code or one recovery code. */
  'session.totp': z
    .object({
      code: z
        .string()
        .trim()
        .regex(/^\d{6}$/, 'enter the 6-digit code from your authenticator app')
        .optional(),
      recoveryCode: z.string().trim().min(8, 'enter one of your recovery codes').max(64).optional(),
    })
    .strict()
    .refine((b) => Boolean(b.code) !== Boolean(b.recoveryCode), {
      message: 'enter a code or a recovery code',
      path: ['code'],
    }),
  'session.logout': z.object({}).strict(),
  /** After a one-time password: the person's own password (SECRET: sent to the server once, never kept). */
  'session.choosePassword': z.object({ newPassword: NewPassword }).strict(),
  'sync.pull': z.object({ since: z.number().int().nonnegative(), limit: z.number().int().min(1).max(20000) }).strict(),
  /** The same page as `sync.pull`, as its UTF-8 JSON bytes for the renderer's sync worker (see `SyncPageBytes`). */
  'sync.pullBytes': z
    .object({ since: z.number().int().nonnegative(), limit: z.number().int().min(1).max(20000) })
    .strict(),
  /** `GET /v1/lookup`: one of phone, email or text, and an optional ISO alpha-2 country hint. */
  'lookup.remote': z
    .object({
      phone: z.string().min(1).max(64).optional(),
      email: z.string().min(1).max(254).optional(),
      text: z.string().min(1).max(MAX_LOOKUP_TEXT).optional(),
      country: CountryHint.optional(),
    })
    .strict(),
  /** Uploads one finished approval record (idempotent by record id). */
  'approvals.upload': ApprovalRecord,
  /** Notifies the site's contacts of a Tier 4 / partner escalation. */
  'approvals.escalate': EscalationRequest,
  /** Sends an SMS verification code; the code itself never crosses IPC. */
  'sms.send': SmsCodeRequest,
  /** Checks a code the person read out; the typed code crosses IPC once and is not kept. */
  'sms.check': z
    .object({ codeId: z.string().min(1).max(128), code: z.string().regex(/^\d{6}$/, 'enter the 6-digit code') })
    .strict(),
  /** Demo workspace only: the messages the local SMTP outbox received. */
  'outbox.list': z.object({}).strict(),
  /**
   * Starts TOTP enrolment; needs the signed-in user's current password (sent to the server only,
   * never kept). The result carries the secret, its otpauth URI and QR image: the renderer
   * keeps them in component state only (never a query cache, storage or log).
   */
  'account.totpEnroll': z.object({ currentPassword: CurrentPassword }).strict(),
  /** Changes the signed-in person's password (SECRET: both go to the server only); other sessions end. */
  'account.changePassword': ChangePasswordRequest,
  /** Confirms enrolment with a first code; the result carries the 10 recovery codes, shown once. */
  'account.totpConfirm': z
    .object({
      code: z
        .string()
        .trim()
        .regex(/^\d{6}$/, 'enter the 6-digit code from your authenticator app'),
    })
    .strict(),
  /** Devices: `own` = the signed-in person's; `all` = everyone's (needs `admin.read`). */
  'devices.list': z.object({ scope: z.enum(['own', 'all']) }).strict(),
  /** Revokes a device (own, or anyone's with `accounts.manage`); it wipes its cache at next contact. */
  'devices.revoke': z.object({ id: z.string().min(1).max(128) }).strict(),
  /** All accounts with TOTP status (`admin.read`). */
  'admin.users': z.object({}).strict(),
  /** Turns TOTP off for an account that lost its authenticator (`accounts.manage`). */
  'admin.resetTotp': z.object({ userId: z.string().min(1).max(128) }).strict(),
  /** Adds an account with a one-time password made in main (`accounts.manage`); the result shows it once. */
  'admin.invite': AccountInvite,
  /** Changes an account's role; the server refuses to demote the last administrator. */
  'admin.changeRole': AccountRoleChange,
  /** SECRET in the result: a new one-time password (the account's devices are signed out). */
  'admin.resetPassword': z.object({ userId: z.string().min(1).max(128) }).strict(),
  /** Directory records from the server (`admin.read`): one page, ids ascending, optionally one site's. */
  'admin.directoryList': AdminListRequest,
  'admin.directoryGet': AdminGetRequest,
  /** Creates or replaces one record in one request (`directory.write`); it reaches desktops at their next sync. */
  'admin.directorySave': AdminSaveRequest,
  'admin.directoryDelete': AdminGetRequest,
  /** A site's client profiles as .xlsx/.csv (or the blank template), headers in `lang` (`admin.read`). */
  'profiles.export': ProfilesExport,
  /** One base64 piece of a file to import; main keeps the pieces until `profiles.importStart`. */
  'profiles.importChunk': ImportChunk,
  /** Sends the joined file to the server, which validates it (`directory.write`); poll with importStatus. */
  'profiles.importStart': ImportStart,
  'profiles.importStatus': ImportToken,
  /** Applies a validated import in one transaction; poll with importStatus until `applied`. */
  'profiles.importApply': ImportApply,
  /**
   * One page of the server audit chain, newest first (`audit.read`): entries with seq < `before`
   * (the newest when omitted), optionally of one event `type`. The result's `next` is the following `before`.
   */
  'audit.list': z
    .object({
      before: z.number().int().positive().optional(),
      type: z.string().min(1).max(64).optional(),
      limit: z.number().int().min(1).max(500),
    })
    .strict(),
  /** Re-hashes the whole server audit chain (`audit.read`). */
  'audit.verify': z.object({}).strict(),
  /** Supervisor review (`audit.read`): one page of stored approval records (keyset `cursor`), filtered. */
  'audit.approvals': ApprovalQuery.strict(),
  /** One approval record as a timeline, with its re-check, anomaly flags and chain position (`audit.read`). */
  'audit.approval': z.object({ id: z.string().min(1).max(128) }).strict(),
  /** The numbers behind the review's charts, over the same filter (`audit.read`). */
  'audit.approvalStats': ApprovalFilter.strict(),
  /** The server's signed CSV/XLSX export of the filter: main saves it (Electron) or hands it to the renderer. */
  'audit.approvalsExport': ApprovalExportQuery.strict(),
  /** A site's credential accounts fresh from the server (metadata only; the tab reads the synced cache). */
  'credentials.list': z.object({ siteId: z.string().min(1).max(100) }).strict(),
  /**
   * Checks a credential out. The server's answer carries the secret; main keeps it in memory and the
   * result here carries everything else (LeaseView). Needs the server: no offline check-out.
   */
  'credentials.checkout': CheckoutRequest.extend({ credentialId: z.string().min(1).max(100) }).strict(),
  /** SECRET: the password of a lease this device holds, for display after an explicit Reveal (audited). */
  'credentials.reveal': z.object({ leaseId: z.string().min(1).max(100) }).strict(),
  /** Copies the password (audited): main writes the clipboard, or, in the web bridge, hands it to the renderer. */
  'credentials.copy': z.object({ leaseId: z.string().min(1).max(100) }).strict(),
  /** SECRET: the password as NATO read-back groups, after an explicit Read back (audited). */
  'credentials.readBack': z.object({ leaseId: z.string().min(1).max(100) }).strict(),
  /** Ends a lease early: the server rotates a dynamic password; main forgets the secret either way. */
  'credentials.checkin': z.object({ leaseId: z.string().min(1).max(100) }).strict(),
  /** Supervisor+: ends someone else's lease on a credential (`credentials.force_checkin`). */
  'credentials.forceCheckin': z.object({ credentialId: z.string().min(1).max(100) }).strict(),
  /** The leases this device holds right now (no secrets), e.g. to reopen one after the dialog closed. */
  'credentials.leases': z.object({}).strict(),
  /** The call log, newest first (`directory.read`). */
  'cti.calls': z.object({ limit: z.number().int().min(1).max(500) }).strict(),
  /** Attaches a call's number to a person in the directory (`directory.write`, audited by the server). */
  'cti.attach': z.object({ callId: z.string().min(1).max(128), profileId: z.string().min(1).max(128) }).strict(),
  'settings.get': z.object({}).strict(),
  'settings.set': SettingsPatch,
  'app.info': z.object({}).strict(),
  /** Whether the server answers right now (heartbeat + every request; see main/services/connectivity.ts). */
  'connection.status': z.object({}).strict(),
} as const;

export type Channel = keyof typeof requestSchemas;
export type RequestOf<C extends Channel> = z.input<(typeof requestSchemas)[C]>;

/** Result types, one per channel. */
export interface Results {
  'session.status': SessionStatus;
  'session.login': SessionStatus;
  'session.totp': SessionStatus;
  'session.logout': SessionStatus;
  'session.choosePassword': SessionStatus;
  'sync.pull': SyncPage;
  'sync.pullBytes': SyncPageBytes;
  /** The server-side lookup (`GET /v1/lookup`), the baseline the local index is measured against. */
  'lookup.remote': unknown;
  'approvals.upload': ApprovalStored;
  'approvals.escalate': { notified: number };
  'sms.send': SmsCodeSent;
  'sms.check': SmsCodeChecked;
  'outbox.list': { messages: Array<{ id: string; to: string; subject: string; text: string; sentAt: string }> };
  'account.totpEnroll': TotpEnrolment;
  'account.totpConfirm': TotpConfirmed;
  'account.changePassword': { changed: true };
  'devices.list': DeviceList;
  'devices.revoke': { revoked: true };
  'admin.users': AccountList;
  'admin.resetTotp': { reset: true };
  'admin.invite': AccountInvited;
  'admin.changeRole': UserInfo;
  'admin.resetPassword': { oneTimePassword: string };
  'admin.directoryList': AdminPage;
  'admin.directoryGet': AdminRecord;
  'admin.directorySave': AdminWritten;
  'admin.directoryDelete': { seq: number };
  'profiles.export': ExportedFile;
  'profiles.importChunk': { received: number };
  'profiles.importStart': ImportJobStatus;
  'profiles.importStatus': ImportJobStatus;
  'profiles.importApply': ImportJobStatus;
  'audit.list': AuditPage;
  'audit.verify': AuditVerification;
  'audit.approvals': ApprovalPage;
  'audit.approval': ApprovalDetail;
  'audit.approvalStats': ApprovalStats;
  'audit.approvalsExport': ExportResult;
  'credentials.list': CredentialList;
  'credentials.checkout': LeaseView;
  'credentials.reveal': { secret: string };
  'credentials.copy': CopyResult;
  'credentials.readBack': ReadBack;
  'credentials.checkin': CheckinResult;
  'credentials.forceCheckin': { ended: true };
  'credentials.leases': LeaseView[];
  'cti.calls': CallList;
  'cti.attach': CallView;
  'settings.get': Settings;
  'settings.set': Settings;
  'app.info': AppInfo;
  'connection.status': ConnectionStatus;
}

/**
 * Where a server-made file went. Electron: main wrote it where the person chose in the save dialog
 * (`saved: false` when they cancelled). Web bridge (no dialog in main): the renderer downloads the
 * bytes itself, as the Audit page's CSV export does.
 */
export type ExportResult =
  | { via: 'main'; saved: boolean; filename: string }
  | { via: 'renderer'; filename: string; contentType: string; base64: string };

/** Server reachability as main sees it. `checked: false` until the first answer or failure. */
export interface ConnectionStatus {
  online: boolean;
  /** Epoch ms since when this state holds. */
  since: number;
  checked: boolean;
}

export interface AppInfo {
  version: string;
  shell: 'electron' | 'web-bridge';
  platform: string;
  /**
   * Whether the sign-in survives a restart (Electron only). `persistent: false` when the OS offers no
   * real keychain (Linux `basic_text`): the sign-in screen says sign-in lasts for this run only.
   */
  secretStorage?: { persistent: boolean; reason?: 'unavailable' | 'basic_text' };
}

/** The handler map main implements: `name → (payload) => Promise<result>`. */
export type Handlers = { [C in Channel]: (payload: z.output<(typeof requestSchemas)[C]>) => Promise<Results[C]> };

/** Events pushed from main to the renderer. */
export interface Events {
  'session.locked': { reason: 'idle' | 'manual' };
  'session.wiped': { reason: string };
  /** A screen pop: one of phone, email or text (several numbers), with an optional country hint. */
  'deeplink.lookup': { phone?: string; email?: string; text?: string; country?: string };
  'sync.progress': { written: number; total: number };
  /** A lease this device held is over and its secret is gone from main's memory (see LeaseEnded). */
  'lease.expired': LeaseEnded;
  /** The server stopped (or started again) answering; pushed within seconds of the change. */
  'connection.changed': ConnectionStatus;
  /** A call from the phone system for the signed-in technician: new, answered or hung up. */
  'cti.call': CallPush;
}
export type EventName = keyof Events;

/** What the renderer sees as `window.callsign`. */
export interface CallsignApi {
  invoke<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<Results[C]>;
  on<E extends EventName>(event: E, listener: (data: Events[E]) => void): () => void;
}

export const channels = Object.keys(requestSchemas) as Channel[];
export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(requestSchemas, value);
}
