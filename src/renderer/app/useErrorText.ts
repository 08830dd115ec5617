import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

interface ShownError {
  code?: string;
  message: string;
}

/**
 * The sentence to show for an error. The server and main write their messages in English, naming the
 * field and what to do; in English that exact sentence is shown. In another language the error's code
 * is shown as the catalogue's sentence for it (`errors.<code>`: translated, if less specific — the
 * form still highlights the field), and the English message only when the code has no sentence.
 */
export function errorText(
  err: ShownError | null | undefined,
  t: (key: string) => string,
  exists: (key: string) => boolean,
  language: string,
): string | undefined {
  if (!err) return undefined;
  if (!err.code || language.startsWith('en') || !exists(`errors.${err.code}`)) return err.message;
  return t(`errors.${err.code}`);
}

export function useErrorText(): (err: ShownError | null | undefined) => string | undefined {
  const { t, i18n } = useTranslation();
  return useCallback(
    (err) =>
      errorText(
        err,
        (k) => t(k),
        (k) => i18n.exists(k),
        i18n.language,
      ),
    [t, i18n, i18n.language],
  );
}
