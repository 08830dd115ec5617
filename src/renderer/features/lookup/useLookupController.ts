import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useServices } from '../../app/useServices.js';
import type { LookupState } from './LookupContext.js';
import { shouldRunAsYouType } from './lookupInput.js';
import { useDirectoryVersion } from './useDirectoryVersion.js';

export const AS_YOU_TYPE_DELAY_MS = 200;

/**
 * Owns the lookup: Enter runs it at once; typing runs it after a short pause once the text is a
 * phone with 7+ digits or a complete email. Results re-compute when the directory changes.
 */
export function useLookupController(): LookupState {
  const { directory } = useServices();
  const version = useDirectoryVersion();
  const [input, setInput] = useState('');
  const [submitted, setSubmitted] = useState<string | undefined>(undefined);
  const inputRef = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    if (!shouldRunAsYouType(input) || input.trim() === submitted) return;
    const id = setTimeout(() => setSubmitted(input.trim()), AS_YOU_TYPE_DELAY_MS);
    return () => clearTimeout(id);
  }, [input, submitted]);

  const run = useCallback(
    (value?: string) => {
      const text = (value ?? inputRef.current?.value ?? input).trim();
      if (value !== undefined) setInput(value);
      setSubmitted(text);
    },
    [input],
  );
  const clear = useCallback(() => {
    setInput('');
    setSubmitted(undefined);
  }, []);

  const ready = directory.isLoaded;
  const outcome = useMemo(
    () => (submitted === undefined || submitted === '' || !ready ? undefined : directory.identify(submitted)),
    // `version` makes results follow sync and the initial load.
    [submitted, ready, version, directory],
  );

  return { input, setInput, run, clear, submitted, outcome, ready, inputRef };
}
