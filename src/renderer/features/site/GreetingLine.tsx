import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { greetingFor, type Site } from '../../../shared/domain/index.js';
import { useTechnicianFirstName } from './useTechnicianFirstName.js';

/** The greeting the technician reads out when answering for this site. */
export function GreetingLine({
  site,
  testId = 'site-greeting',
  dense = false,
}: {
  site: Site;
  testId?: string;
  dense?: boolean;
}) {
  const { t } = useTranslation();
  const firstName = useTechnicianFirstName();
  return (
    <Box
      sx={{
        pl: 1.5,
        py: dense ? 0.5 : 1,
        borderLeft: 3,
        borderColor: 'primary.main',
        bgcolor: 'action.hover',
        borderRadius: 0.5,
      }}
    >
      {!dense && (
        <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>
          {t('site.greetingLabel')}
        </Typography>
      )}
      <Typography
        variant="body1"
        data-testid={testId}
        sx={{ fontSize: dense ? '0.9375rem' : '1.0625rem', fontWeight: 500 }}
      >
        {t('site.greeting', { greeting: greetingFor(site), firstName })}
      </Typography>
    </Box>
  );
}
