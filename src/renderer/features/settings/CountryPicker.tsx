import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { getCountries } from 'libphonenumber-js/max';

/**
 * ISO 3166 alpha-2 picker over the countries libphonenumber knows numbers for, named in the interface
 * language (Intl.DisplayNames, CLDR) and sorted by that name; typing a name or a code finds it.
 */
export function CountryPicker({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (code: string | null) => void;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const options = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'region' });
    const collator = new Intl.Collator(i18n.language);
    return getCountries()
      .map((code) => ({ code: code as string, name: names.of(code) ?? code }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [i18n.language]);
  const selected = options.find((o) => o.code === value) ?? null;
  return (
    <Autocomplete
      options={options}
      value={selected}
      onChange={(_e, option) => onChange(option?.code ?? null)}
      getOptionLabel={(o) => `${o.name} (${o.code})`}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('settings.deskCountry.label')}
          helperText={error ?? t('settings.deskCountry.help')}
          error={Boolean(error)}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'settings-desk-country' },
          }}
        />
      )}
    />
  );
}
