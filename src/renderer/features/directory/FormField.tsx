import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import MenuItem from '@mui/material/MenuItem';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { errorKey, type FieldErrors } from './formErrors.js';

/**
 * The sentence for a field's problem ("Enter the site name"), or undefined. Shown only once the
 * person has tried to save, so a form is not red before anything was typed.
 */
export function useFieldError(form: string, errors: FieldErrors, shown: boolean) {
  const { t, i18n } = useTranslation();
  return (path: string): string | undefined => {
    if (!shown || !errors[path]) return undefined;
    const key = errorKey(form, path);
    return i18n.exists(key) ? t(key) : t('directory.errors.generic');
  };
}

type Props = Omit<TextFieldProps, 'value' | 'onChange' | 'error'> & {
  value: string | undefined;
  onChange: (value: string) => void;
  error: string | undefined;
  testId: string;
  readOnly?: boolean;
  /** A select: its options as value → label. */
  options?: ReadonlyArray<readonly [string, ReactNode]>;
};

/** A compact text field (or select) bound to a draft value, with its error sentence as helper text. */
export function FormField({
  value,
  onChange,
  error,
  testId,
  readOnly,
  options,
  helperText,
  slotProps,
  ...rest
}: Props) {
  return (
    <TextField
      size="small"
      fullWidth
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value)}
      error={error !== undefined}
      helperText={error ?? helperText}
      select={options !== undefined}
      disabled={readOnly}
      slotProps={{
        ...slotProps,
        // A select's visible part is its display element; the hidden input only carries the value.
        htmlInput: { ...(options ? {} : { 'data-testid': testId }), ...(slotProps?.htmlInput as object) },
        ...(options ? { select: { SelectDisplayProps: { 'data-testid': testId } as object } } : {}),
        formHelperText: { role: error ? 'alert' : undefined } as object,
      }}
      {...rest}
    >
      {options?.map(([v, label]) => (
        <MenuItem key={v} value={v}>
          {label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** "" → undefined: optional text fields are absent rather than empty in the record. */
export const optional = (v: string): string | undefined => (v.trim() === '' ? undefined : v);
