import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import type { AdminCollection } from '../../../shared/admin/directoryAdmin.js';
import { ConfirmDialog } from '../../app/ConfirmDialog.js';
import { useErrorText } from '../../app/useErrorText.js';
import { useDeleteRecord } from './mutations.js';

type Deletable = Extract<AdminCollection, 'sites' | 'profiles' | 'references'>;

/**
 * "Delete…" for one site, person or reference, after a confirmation that says what goes with it
 * (a site takes its people and approval rules). Desktops drop the record at their next sync; the
 * deletion is audited with the record as it was, so a supervisor can see what was removed.
 */
export function DeleteRecordAction({
  collection,
  id,
  name,
  detail,
  onDeleted,
}: {
  collection: Deletable;
  id: string;
  name: string;
  /** A sentence on what else goes (the site's people); default: the collection's. */
  detail?: string;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const remove = useDeleteRecord(collection);
  const [confirming, setConfirming] = useState(false);
  const close = () => {
    setConfirming(false);
    remove.reset();
  };
  return (
    <>
      <Button
        color="error"
        startIcon={<DeleteOutline />}
        onClick={() => setConfirming(true)}
        data-testid={`${collection}-delete`}
        aria-label={t('directory.delete.button', { name })}
      >
        {t('directory.delete.label')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('directory.delete.title', { name })}
        body={detail ?? t(`directory.delete.body.${collection}`)}
        confirmLabel={t('directory.delete.confirm')}
        pending={remove.isPending}
        error={errorText(remove.error)}
        testId={`${collection}-delete-dialog`}
        onClose={close}
        onConfirm={() =>
          remove.mutate(id, {
            onSuccess: () => {
              setConfirming(false);
              onDeleted();
            },
          })
        }
      />
    </>
  );
}
