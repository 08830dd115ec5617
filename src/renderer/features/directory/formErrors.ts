/**
 * Form validation with the shared zod schemas: `validate` runs the record's schema and keys each
 * problem by its field path ("phones.0.number"); `errorKey` turns a path into the catalogue key of
 * the sentence that names the field and says what to do (`directory.errors.<form>.<field>`), with
 * list positions dropped ("phones_number"), so one sentence serves every row of a list.
 */
import type { z } from 'zod';

export type FieldErrors = Readonly<Record<string, true>>;

export type Validated<T> = { ok: true; data: T; errors: FieldErrors } | { ok: false; errors: FieldErrors };

export function validate<S extends z.ZodType>(schema: S, value: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data, errors: {} };
  const errors: Record<string, true> = {};
  for (const issue of result.error.issues) errors[issue.path.map(String).join('.')] = true;
  return { ok: false, errors };
}

/** "phones.1.country" → "phones_country"; "" (the record as a whole) → "record". */
export function errorKey(form: string, path: string): string {
  const field = path
    .split('.')
    .filter((p) => p !== '' && !/^\d+$/.test(p))
    .join('_');
  return `directory.errors.${form}.${field || 'record'}`;
}

/** Whether `path` or anything inside it has a problem ("phones.0" has one when "phones.0.number" does). */
export function hasError(errors: FieldErrors, path: string): boolean {
  return Object.keys(errors).some((k) => k === path || k.startsWith(`${path}.`));
}

/** The paths with problems, in the order the form shows them (first = where focus goes). */
export function errorPaths(errors: FieldErrors): string[] {
  return Object.keys(errors);
}
