import { useTranslation } from 'react-i18next';
import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import type { Approver } from '../../../shared/approvals/schemas.js';
import { MAX_DIALS } from '../../../shared/approvals/index.js';

/**
 * Approvers in calling order, at most two, picked from the site's people and its group and partner
 * contacts. The order of the chips is the order the help desk calls.
 */
export function ApproversEditor({
  value,
  candidates,
  onChange,
  readOnly,
  error,
  testId,
}: {
  value: readonly Approver[];
  candidates: readonly Approver[];
  onChange: (a: Approver[]) => void;
  readOnly: boolean;
  error: string | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  const key = (a: Approver) => `${a.kind}:${a.profileId ?? a.name}`;
  return (
    <Autocomplete
      multiple
      options={candidates}
      value={[...value]}
      disabled={readOnly}
      getOptionLabel={(a) => a.name}
      groupBy={(a) => t(`approvals.approverKind.${a.kind}`)}
      isOptionEqualToValue={(a, b) => key(a) === key(b)}
      getOptionDisabled={() => value.length >= MAX_DIALS}
      onChange={(_e, v) => onChange(v.slice(0, MAX_DIALS))}
      renderValue={(items, getItemProps) =>
        items.map((a, i) => {
          const { key: k, ...props } = getItemProps({ index: i });
          return <Chip key={k} size="small" label={`${i + 1}. ${a.name}`} {...props} data-testid="approver-chip" />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          size="small"
          label={t('directory.policy.approvers')}
          error={error !== undefined}
          helperText={error ?? t('directory.policy.approversHelp')}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId },
          }}
        />
      )}
    />
  );
}
