import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import Button from '@mui/material/Button';
import OpenInNew from '@mui/icons-material/OpenInNew';
import type { Candidate } from '../../../shared/identify/types.js';
import { useCaller } from '../lookup/useCaller.js';
import { useLookup } from '../lookup/useLookup.js';
import { siteRoute } from './siteRoutes.js';

/** "Open site" on a lookup result: makes this candidate the caller on the line and opens the site view. */
export function OpenSiteButton({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { setCaller } = useCaller();
  const { submitted } = useLookup();
  return (
    <Button
      variant="contained"
      startIcon={<OpenInNew />}
      data-testid="open-site"
      onClick={() => {
        setCaller({ candidate, input: submitted ?? '', at: Date.now() });
        void navigate(siteRoute(candidate.siteId));
      }}
    >
      {t('caller.openSite')}
    </Button>
  );
}
