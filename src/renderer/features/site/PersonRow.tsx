import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { fullName, type ClientProfile } from '../../../shared/domain/index.js';
import { PersonPhones } from './PersonPhones.js';

export interface PersonRowProps {
  person: ClientProfile;
  siteCountry: string;
  highlighted: boolean;
  index?: number;
}

/** One client profile in the People table. */
export const PersonRow = forwardRef<HTMLTableRowElement, PersonRowProps>(function PersonRow(
  { person, siteCountry, highlighted, index },
  ref,
) {
  const { t } = useTranslation();
  const yesNo = (v: boolean) => (
    <Typography variant="body2" color={v ? 'text.primary' : 'text.secondary'}>
      {t(v ? 'people.yes' : 'people.no')}
    </Typography>
  );
  return (
    <TableRow
      ref={ref}
      data-index={index}
      data-testid="people-row"
      data-person-id={person.id}
      selected={highlighted}
      aria-selected={highlighted || undefined}
      sx={{
        verticalAlign: 'top',
        ...(highlighted ? { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: -2 } : {}),
      }}
    >
      <TableCell>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {fullName(person)}
        </Typography>
        {person.title && (
          <Typography variant="caption" color="text.secondary">
            {person.title}
          </Typography>
        )}
      </TableCell>
      <TableCell sx={{ overflowWrap: 'anywhere' }}>
        <Typography variant="body2" color={person.email ? 'text.primary' : 'text.secondary'}>
          {person.email ?? t('people.noEmail')}
        </Typography>
      </TableCell>
      <TableCell>
        <PersonPhones phones={person.phones} siteCountry={siteCountry} />
      </TableCell>
      <TableCell>{yesNo(person.thinClient)}</TableCell>
      <TableCell>{yesNo(person.psaContact)}</TableCell>
    </TableRow>
  );
});
