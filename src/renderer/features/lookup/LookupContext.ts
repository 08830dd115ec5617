/** Shared lookup state: the box lives in the top bar, the results on the lookup page. */
import { createContext, type RefObject } from 'react';
import type { NumberInText } from '../../../shared/identify/index.js';
import type { IdentifyOutcome } from '../../../shared/identify/types.js';

export interface LookupState {
  input: string;
  setInput(value: string): void;
  /** Runs the lookup now for `value` (default: the current input); `country` overrides the desk country. */
  run(value?: string, options?: { country?: string }): void;
  clear(): void;
  /** The text last looked up, and its outcome (undefined before the first lookup). */
  submitted: string | undefined;
  outcome: IdentifyOutcome | undefined;
  /** Text holding numbers (a pasted signature): every number found, each with its candidates. */
  numbers: NumberInText[] | undefined;
  /** The country national numbers were read in first: the screen pop's hint, else the desk country. */
  country: string | undefined;
  /** False until the in-memory index has been built from the cache. */
  ready: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
}

export const LookupContext = createContext<LookupState | null>(null);
