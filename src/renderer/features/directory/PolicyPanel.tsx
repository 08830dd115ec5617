import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import type { SitePolicyRecord } from '../../../shared/api/approvals.js';
import type { Site } from '../../../shared/domain/index.js';
import { useErrorText } from '../../app/useErrorText.js';
import { toAppError } from '../../app/toAppError.js';
import { useServices } from '../../app/useServices.js';
import { PolicyForm } from './PolicyForm.js';
import { directoryAdminKeys, directoryAdminQueries } from './queries.js';

/** Loads the site's policy record (none yet → a new, empty one) and its people, then the form. */
export function PolicyPanel({ site, readOnly }: { site: Site; readOnly: boolean }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const errorText = useErrorText();
  const people = useQuery(directoryAdminQueries.list(api, 'profiles', site.id));
  const policy = useQuery({
    queryKey: [...directoryAdminKeys.collection('policies'), site.id],
    queryFn: async (): Promise<{ record: SitePolicyRecord; create: boolean }> => {
      try {
        return {
          record: (await api.invoke('admin.directoryGet', { collection: 'policies', id: site.id })) as SitePolicyRecord,
          create: false,
        };
      } catch (err) {
        const e = toAppError(err);
        if (e.code !== 'not_found') throw e;
        const blank: SitePolicyRecord = {
          siteId: site.id,
          policies: {},
          unlicensedSoftware: [],
          groupContacts: [],
          partnerContacts: [],
          notificationContacts: [],
        };
        return { record: blank, create: true };
      }
    },
    staleTime: 15_000,
  });
  if (policy.isError || people.isError)
    return <Alert severity="error">{errorText(policy.error ?? people.error)}</Alert>;
  if (!policy.data || !people.data) return <Typography color="text.secondary">{t('directory.loading')}</Typography>;
  return (
    <PolicyForm
      key={site.id}
      site={site}
      people={people.data}
      initial={policy.data.record}
      create={policy.data.create}
      readOnly={readOnly}
    />
  );
}
