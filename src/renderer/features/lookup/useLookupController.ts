import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useServices } from '../../app/useServices.js';
import type { LookupState } from './LookupContext.js';
import { isTextLookup, shouldRunAsYouType } from './lookupInput.js';
import { useDeskCountry } from './useDeskCountry.js';
import { useDirectoryVersion } from './useDirectoryVersion.js';

export const AS_YOU_TYPE_DELAY_MS = 200;

/**
 * Owns the lookup: Enter runs it at once; typing runs it after a short pause once the text is a
 * phone with 7+ digits or a complete email. Results re-compute when the directory changes. National
 * numbers are read in the screen pop's country, else the technician's desk country, first; text
 * holding numbers (a pasted signature) is looked up number by number.
 */
export function useLookupController(): LookupState {
  const { directory } = useServices();
  const version = useDirectoryVersion();
  const [input, setInput] = useState('');
  const [submitted, setSubmitted] = useState<string | undefined>(undefined);
  /** A screen pop's country for the text it popped; typing anything else goes back to the desk country. */
  const [popCountry, setPopCountry] = useState<{ text: string; country: string } | undefined>(undefined);
  const desk = useDeskCountry();
  const inputRef = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    if (!shouldRunAsYouType(input) || input.trim() === submitted) return;
    const id = setTimeout(() => setSubmitted(input.trim()), AS_YOU_TYPE_DELAY_MS);
    return () => clearTimeout(id);
  }, [input, submitted]);

  const run = useCallback(
    (value?: string, options?: { country?: string }) => {
      const text = (value ?? inputRef.current?.value ?? input).trim();
      if (value !== undefined) setInput(value);
      setPopCountry(options?.country ? { text, country: options.country } : undefined);
      setSubmitted(text);
    },
    [input],
  );
  const clear = useCallback(() => {
    setInput('');
    setSubmitted(undefined);
  }, []);

  const ready = directory.isLoaded;
  const country = popCountry && popCountry.text === submitted ? popCountry.country : desk.country;
  const { outcome, numbers } = useMemo(() => {
    if (submitted === undefined || submitted === '' || !ready) return { outcome: undefined, numbers: undefined };
    const options = country ? { country } : {};
    return isTextLookup(submitted)
      ? { outcome: undefined, numbers: directory.identifyText(submitted, options) }
      : { outcome: directory.identify(submitted, options), numbers: undefined };
    // `version` makes results follow sync and the initial load.
  }, [submitted, ready, version, directory, country]);

  return { input, setInput, run, clear, submitted, outcome, numbers, country, ready, inputRef };
}
