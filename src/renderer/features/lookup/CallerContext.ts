/**
 * The caller on the line: set once a lookup identifies one candidate (or the technician picks one
 * of several with "Open site"), kept while they move between the site view's tabs, cleared with
 * "End call". Memory only.
 */
import { createContext } from 'react';
import type { Candidate } from '../../../shared/identify/types.js';

export interface CurrentCaller {
  candidate: Candidate;
  /** What was looked up ("+1 206 555 0101"). */
  input: string;
  at: number;
}

export interface CallerState {
  caller: CurrentCaller | undefined;
  setCaller(caller: CurrentCaller | undefined): void;
}

export const CallerContext = createContext<CallerState | null>(null);
