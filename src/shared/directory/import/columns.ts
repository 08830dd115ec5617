/**
 * The columns of a site's client-profile spreadsheet (seeds/002 "Add Clients in Bulk"), in sheet
 * order. Keys are stable across languages; the header a person sees comes from headers.ts.
 */
import { z } from 'zod';

/** Phones per row, as columns (the seed's template has four). */
export const PHONE_SLOTS = 4;
export const PHONE_FIELDS = ['number', 'country', 'type', 'provider', 'smsGateway'] as const;
export type PhoneField = (typeof PHONE_FIELDS)[number];
export type PhoneSlot = 1 | 2 | 3 | 4;
export type PhoneColumn = `phone${PhoneSlot}.${PhoneField}`;

export const phoneColumn = (slot: PhoneSlot, field: PhoneField): PhoneColumn => `phone${slot}.${field}`;

const PHONE_COLUMNS: PhoneColumn[] = ([1, 2, 3, 4] as const).flatMap((slot) =>
  PHONE_FIELDS.map((field) => phoneColumn(slot, field)),
);

/**
 * Every column in sheet order. `psaContact` is read-only (shown, never imported); `delete` takes
 * "Y" to delete the row's profile; `id` is the hidden stable id that makes a re-import update
 * instead of duplicating.
 */
export const PROFILE_COLUMNS = [
  'firstName',
  'lastName',
  'email',
  ...PHONE_COLUMNS,
  'thinClient',
  'title',
  'psaContact',
  'delete',
  'id',
] as const satisfies readonly string[];

export type ProfileColumn =
  'firstName' | 'lastName' | 'email' | PhoneColumn | 'thinClient' | 'title' | 'psaContact' | 'delete' | 'id';
export const ProfileColumn = z.enum(PROFILE_COLUMNS as unknown as [ProfileColumn, ...ProfileColumn[]]);

/** Columns a file must have: without them no row can be read. */
export const REQUIRED_COLUMNS: readonly ProfileColumn[] = ['firstName', 'lastName', 'phone1.number'];

/** Columns whose cells import ignores (shown for reference only). */
export const READ_ONLY_COLUMNS: readonly ProfileColumn[] = ['psaContact'];

export function parsePhoneColumn(column: ProfileColumn): { slot: PhoneSlot; field: PhoneField } | undefined {
  const m = /^phone([1-4])\.(\w+)$/.exec(column);
  return m ? { slot: Number(m[1]) as PhoneSlot, field: m[2] as PhoneField } : undefined;
}
