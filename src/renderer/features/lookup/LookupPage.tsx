import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import Box from '@mui/material/Box';
import { FirstSyncProgress } from '../sync/FirstSyncProgress.js';
import { useSessionStatus } from '../session/useSessionStatus.js';
import { inputFromSearchParams } from './lookupInput.js';
import { LookupEmptyState } from './LookupEmptyState.js';
import { LookupResults } from './LookupResults.js';
import { LookupTextResults } from './LookupTextResults.js';
import { useLookup } from './useLookup.js';

/**
 * The lookup route. `#/lookup?phone=…`, `?email=…` or `?text=…` (with an optional `&country=GB`
 * hint) pre-fills the box and runs the lookup.
 */
export function LookupPage() {
  const [params] = useSearchParams();
  const { run, outcome, numbers } = useLookup();
  const session = useSessionStatus();
  const fromUrl = inputFromSearchParams(params);
  const countryFromUrl = params.get('country') ?? undefined;
  useEffect(() => {
    if (fromUrl) run(fromUrl, countryFromUrl ? { country: countryFromUrl } : undefined);
    // Only when the URL changes, not when `run` is re-created.
  }, [fromUrl, countryFromUrl]);
  const firstName = session.data?.user?.name.split(/\s+/)[0] ?? '';
  const result = outcome?.ok && outcome.result.candidates.length > 0 ? outcome.result : undefined;
  return (
    <Box sx={{ maxWidth: 960, mx: 'auto' }}>
      <FirstSyncProgress />
      {numbers && numbers.length > 0 ? (
        <LookupTextResults numbers={numbers} technicianFirstName={firstName} />
      ) : result ? (
        <LookupResults result={result} technicianFirstName={firstName} />
      ) : (
        <LookupEmptyState />
      )}
    </Box>
  );
}
