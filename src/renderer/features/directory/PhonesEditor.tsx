import { useTranslation } from 'react-i18next';
import Autocomplete from '@mui/material/Autocomplete';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { MOBILE_PROVIDERS, findMobileProvider, PhoneType, type Phone } from '../../../shared/domain/index.js';
import { RemoveItemButton, AddItemButton } from './ListButtons.js';
import { FormField, optional } from './FormField.js';

/** A gateway's shape, not words: the same in every language. */
const GATEWAY_EXAMPLE = MOBILE_PROVIDERS[0]!.smsGateway;

/**
 * A profile's phones, each with its country, type, and — for mobiles — provider (from the list, or
 * typed) and SMS gateway. Picking a listed provider fills its gateway; the gateway stays editable.
 */
export function PhonesEditor({
  phones,
  onChange,
  siteCountry,
  readOnly,
  errorAt,
  idPrefix = '',
}: {
  phones: readonly Phone[];
  onChange: (p: Phone[]) => void;
  siteCountry: string;
  readOnly: boolean;
  errorAt: (path: string) => string | undefined;
  /** Prefixes every test id when several phone lists share a form (a site's contacts). */
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const set = (i: number, p: Partial<Phone>) => onChange(phones.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const setProvider = (i: number, name: string) => {
    const listed = findMobileProvider(name);
    set(i, { provider: optional(name), ...(listed ? { smsGateway: listed.smsGateway } : {}) });
  };
  return (
    <Stack spacing={1.5} data-testid={`${idPrefix || 'profile-'}phones`}>
      <Typography variant="subtitle2">{t('directory.profile.phones')}</Typography>
      {phones.map((p, i) => {
        const country = p.country ?? siteCountry;
        const providers = MOBILE_PROVIDERS.filter((m) => m.country === country).map((m) => m.name);
        return (
          <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1 }}>
            <FormField
              label={t('directory.profile.number')}
              value={p.number}
              onChange={(number) => set(i, { number })}
              error={errorAt(`phones.${i}.number`)}
              testId={`${idPrefix}phone-number-${i}`}
              readOnly={readOnly}
              sx={{ width: 200 }}
            />
            <FormField
              label={t('directory.profile.country')}
              value={p.country}
              onChange={(v) => set(i, { country: optional(v.trim().toUpperCase()) })}
              error={errorAt(`phones.${i}.country`)}
              testId={`${idPrefix}phone-country-${i}`}
              readOnly={readOnly}
              placeholder={siteCountry}
              slotProps={{ htmlInput: { maxLength: 2 } }}
              sx={{ width: 90 }}
            />
            <FormField
              label={t('directory.profile.type')}
              value={p.type}
              onChange={(v) => set(i, { type: PhoneType.parse(v) })}
              error={undefined}
              testId={`${idPrefix}phone-type-${i}`}
              readOnly={readOnly}
              options={PhoneType.options.map((o) => [o, t(`directory.phoneType.${o}`)] as const)}
              sx={{ width: 130 }}
            />
            {p.type === 'mobile' && (
              <>
                <Autocomplete
                  freeSolo
                  options={providers}
                  value={p.provider ?? ''}
                  disabled={readOnly}
                  onChange={(_e, v) => setProvider(i, v ?? '')}
                  onInputChange={(_e, v, reason) => reason === 'input' && setProvider(i, v)}
                  sx={{ width: 180 }}
                  renderInput={(params) => (
                    <TextField
                      {...params}
                      size="small"
                      label={t('directory.profile.provider')}
                      slotProps={{
                        ...params.slotProps,
                        htmlInput: { ...params.slotProps.htmlInput, 'data-testid': `${idPrefix}phone-provider-${i}` },
                      }}
                    />
                  )}
                />
                <FormField
                  label={t('directory.profile.smsGateway')}
                  value={p.smsGateway}
                  onChange={(v) => set(i, { smsGateway: optional(v.trim()) })}
                  error={errorAt(`phones.${i}.smsGateway`)}
                  testId={`${idPrefix}phone-gateway-${i}`}
                  readOnly={readOnly}
                  placeholder={GATEWAY_EXAMPLE}
                  sx={{ width: 200 }}
                />
              </>
            )}
            {!readOnly && (
              <RemoveItemButton
                item={p.number || t('directory.profile.number')}
                onClick={() => onChange(phones.filter((_, j) => j !== i))}
              />
            )}
          </Stack>
        );
      })}
      {errorAt('phones') && (
        <Typography variant="caption" color="error" role="alert">
          {errorAt('phones')}
        </Typography>
      )}
      {!readOnly && (
        <AddItemButton
          label={t('directory.profile.addPhone')}
          onClick={() => onChange([...phones, { number: '', type: 'office' }])}
          testId={`${idPrefix || 'profile-'}add-phone`}
        />
      )}
    </Stack>
  );
}
