import { useMemo, useState } from 'react';
import type { AdminCollection, AdminRecordOf } from '../../../shared/admin/directoryAdmin.js';
import { ADMIN_RECORD_SCHEMA } from '../../../shared/admin/directoryAdmin.js';
import { validate, type FieldErrors } from './formErrors.js';
import { useSaveRecord } from './mutations.js';

/**
 * A record form's state: the draft (the record as typed), its validation with the collection's
 * shared schema on every change, and one save request once it is valid. Errors show after the
 * first Save; `saved` says the last save went through and nothing changed since.
 */
export function useRecordForm<C extends AdminCollection>(
  collection: C,
  initial: AdminRecordOf[C],
  create: boolean,
  onSaved?: (record: AdminRecordOf[C]) => void,
  /** Rules of this form beyond the record's schema (seeds/002: a profile needs a phone). */
  formRules?: (draft: AdminRecordOf[C]) => FieldErrors,
) {
  const [draft, setDraft] = useState<AdminRecordOf[C]>(initial);
  const [tried, setTried] = useState(false);
  const [dirty, setDirty] = useState(false);
  const save = useSaveRecord(collection);
  const checked = useMemo(() => {
    const v = validate(ADMIN_RECORD_SCHEMA[collection], draft);
    const extra = formRules?.(draft) ?? {};
    return Object.keys(extra).length === 0 ? v : { ok: false as const, errors: { ...v.errors, ...extra } };
  }, [collection, draft, formRules]);
  return {
    draft,
    errors: checked.errors,
    tried,
    save,
    saved: save.isSuccess && !dirty,
    patch(p: Partial<AdminRecordOf[C]>) {
      setDraft((d) => ({ ...d, ...p }));
      setDirty(true);
    },
    /** Validates, and sends the parsed record; false when the form has problems. */
    submit(): boolean {
      setTried(true);
      if (!checked.ok) return false;
      setDirty(false);
      save.mutate(
        { record: checked.data as AdminRecordOf[C], create },
        { onSuccess: (w) => onSaved?.(w.record as AdminRecordOf[C]) },
      );
      return true;
    },
  };
}

/** A short random id for a new record ("site-3f9a1c2e"); the server refuses an id that exists. */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}
