/**
 * The English sentence for each import issue: what is wrong with the cell and what to do. The
 * desktop translates by `code` with the same `params`; the CLI prints these.
 */
import type { ImportIssue, ImportIssueCode, ProfileColumn } from '../../../shared/directory/import/index.js';

type Params = Record<string, string | number>;

const MESSAGES: Record<ImportIssueCode, (p: Params) => string> = {
  file_unreadable: (p) => String(p.reason),
  no_header_row: () =>
    'No header row was found. Start from an exported file or the blank template, keep its first row, and import again.',
  missing_column: (p) =>
    `The "${p.expected}" column is missing. Add it (as in the blank template) or start from an exported file.`,
  unknown_column: (p) => `The column "${p.header}" is not one Callsign knows; its cells were ignored.`,
  duplicate_column: (p) => `The column "${p.header}" appears twice; only the first one was read. Remove the other.`,
  too_many_rows: (p) =>
    `The file has ${p.rows} rows; at most ${p.max} can be imported at once. Split it into smaller files.`,
  empty_file: () => 'The file has a header row but no profiles. Add a row per person and import again.',
  first_name_required: () => 'Enter a first name: every profile needs a first name, a last name and a phone number.',
  last_name_required: () => 'Enter a last name: every profile needs a first name, a last name and a phone number.',
  phone_required: () => 'Enter at least one phone number (Phone 1, with its country).',
  country_required: (p) => `Enter the two-letter country of ${p.value} (ISO alpha-2, e.g. US, GB, DE).`,
  country_invalid: (p) => `"${p.value}" is not a two-letter ISO country code. Use e.g. US, GB, AU or DE.`,
  phone_invalid: (p) => `"${p.value}" is not a valid phone number for ${p.country}: ${p.reason}`,
  phone_scientific: (p) =>
    `Excel stored this phone number as the number ${p.value} and its last digits are lost. Format the column as Text and type the full number again.`,
  email_invalid: (p) => `"${p.value}" is not an email address. Correct it (name@example.com) or leave the cell blank.`,
  type_invalid: (p) => `"${p.value}" is not a phone type. Use ${p.allowed}, or leave it blank.`,
  yes_no_invalid: (p) => `"${p.value}" is not Y or N. Type Y or N, or leave it blank.`,
  gateway_invalid: (p) =>
    p.value === '#NAME?'
      ? "Excel read the SMS gateway as a formula. Type an apostrophe before the @ (e.g. '@txt.att.com) and save again."
      : `"${p.value}" is not an SMS gateway. Use the carrier's domain with an @ (e.g. @txt.att.com), or leave it blank.`,
  id_unknown: (p) =>
    `The id "${p.value}" is not a profile of this site (it may come from another site's file or was edited). Clear the Id cell to add the row as a new profile.`,
  id_repeated: (p) => `The id "${p.value}" is also on row ${p.otherRow}. Keep one row per profile.`,
  delete_without_id: () =>
    "Y in Delete needs the profile's id: export the site's profiles, mark the row there and import that file.",
  email_duplicate: (p) =>
    `${p.value} is already the email of ${p.other}. Edit that profile instead, or change the email.`,
  too_long: (p) => `This cell has ${p.length} characters; at most ${p.max} are allowed. Shorten it.`,
  invalid_value: (p) => `${p.field}: ${p.reason}.`,
  digits_normalised: (p) => `Read "${p.value}" as ${p.normalised}.`,
  na_blank: () => '"N/A" was read as a blank cell. Leave cells that do not apply empty.',
  excel_number: (p) =>
    `Excel stored this phone number as a number; it was read as ${p.normalised}. Format phone columns as Text so Excel keeps every digit.`,
  leading_zero_restored: (p) =>
    `Excel dropped the leading 0 or + of ${p.value}; it was read as ${p.normalised}. Format phone columns as Text so Excel keeps it.`,
  apostrophe_stripped: (p) => `The apostrophe before ${p.value} was removed (it only stops Excel reading a formula).`,
  country_without_phone: (p) => `The country ${p.value} has no phone number beside it and was ignored.`,
  phone_duplicate: (p) => `${p.value} is also a number of ${p.other}. Check that this is a shared line.`,
  read_only_ignored: () => 'PSA contact is read-only here (it comes from the PSA); the change was ignored.',
  details_without_phone: () => 'This phone has a type, provider or gateway but no number; they were ignored.',
};

const WARNINGS = new Set<ImportIssueCode>([
  'empty_file',
  'unknown_column',
  'duplicate_column',
  'digits_normalised',
  'na_blank',
  'excel_number',
  'leading_zero_restored',
  'apostrophe_stripped',
  'country_without_phone',
  'phone_duplicate',
  'read_only_ignored',
  'details_without_phone',
]);

export function makeIssue(
  row: number,
  code: ImportIssueCode,
  params: Params = {},
  column?: ProfileColumn,
  header?: string,
): ImportIssue {
  return {
    row,
    ...(column ? { column } : {}),
    ...(header !== undefined ? { header } : {}),
    severity: WARNINGS.has(code) ? 'warning' : 'error',
    code,
    params,
    message: MESSAGES[code](params),
  };
}
