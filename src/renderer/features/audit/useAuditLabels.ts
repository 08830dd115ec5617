import { useCallback, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/useServices.js';
import { adminQueries } from '../admin/queries.js';

/**
 * Readable names for the Audit tab: an event type's label (the raw type when unknown) and an actor's
 * email in place of a user id (from the account list, which `audit.read` roles may also read).
 */
export function useAuditLabels() {
  const { t } = useTranslation();
  const { api } = useServices();
  const users = useQuery(adminQueries.users(api));
  const emails = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.email])), [users.data]);
  const typeLabel = useCallback((type: string) => t(`audit.types.${type}`, { defaultValue: type }), [t]);
  const actorName = useCallback(
    (actor: string) => (actor === 'system' ? t('audit.system') : (emails.get(actor) ?? actor)),
    [emails, t],
  );
  return { typeLabel, actorName };
}
