import { useTranslation } from 'react-i18next';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import PhoneForwardedOutlined from '@mui/icons-material/PhoneForwardedOutlined';
import SmsOutlined from '@mui/icons-material/SmsOutlined';
import type { Decision } from '../../../shared/approvals/schemas.js';
import { formatPhone } from '../lookup/formatPhone.js';

/** The decision's steps in order: caller authentication, then each planned dial. */
export function CallPlan({ decision, callerName }: { decision: Decision; callerName: string }) {
  const { t } = useTranslation();
  if (decision.steps.length === 0) return null;
  let dial = 0;
  return (
    <List disablePadding data-testid="preview-plan">
      {decision.steps.map((s, i) =>
        s.kind === 'authenticate_caller' ? (
          <ListItem key={i} disableGutters data-testid="plan-caller-auth">
            <ListItemIcon sx={{ minWidth: 32 }}>
              <SmsOutlined fontSize="small" />
            </ListItemIcon>
            <ListItemText
              primary={t('approvals.plan.callerAuth', { name: callerName, number: formatPhone(s.number) })}
              secondary={t('approvals.plan.callerAuthHelp')}
            />
          </ListItem>
        ) : (
          <ListItem key={i} disableGutters data-testid="plan-dial">
            <ListItemIcon sx={{ minWidth: 32 }}>
              <PhoneForwardedOutlined fontSize="small" />
            </ListItemIcon>
            <ListItemText
              primary={t('approvals.plan.dial', {
                n: ++dial,
                approver: s.approver,
                kind: t(`approvals.approverKind.${s.approverKind}`),
                number: formatPhone(s.number),
              })}
              secondary={s.authenticate ? t('approvals.plan.approverCode') : t('approvals.plan.noApproverCode')}
            />
          </ListItem>
        ),
      )}
    </List>
  );
}
