/**
 * Directory and account administration writes. Each save is one request; afterwards the admin lists
 * are refetched and this desktop's directory sync runs at once (other desktops pick the change up at
 * their next sync, within a minute), so the technician views here show it too.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AdminCollection, AdminRecordOf, AdminSaveRequest } from '../../../shared/admin/directoryAdmin.js';
import type { AccountInvite } from '../../../shared/auth/accountInvite.js';
import type { Role } from '../../../shared/api/auth.js';
import { useServices } from '../../app/useServices.js';
import { toAppError } from '../../app/toAppError.js';
import { adminKeys } from '../admin/queries.js';
import { syncKeys } from '../sync/queries.js';
import { directoryAdminKeys } from './queries.js';

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toAppError(err);
  }
}

export function useSaveRecord<C extends AdminCollection>(collection: C) {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ record, create }: { record: AdminRecordOf[C]; create: boolean }) =>
      call(() => api.invoke('admin.directorySave', { collection, create, record } as z.input<typeof AdminSaveRequest>)),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: directoryAdminKeys.collection(collection) });
      await qc.invalidateQueries({ queryKey: syncKeys.directory() });
    },
  });
}

export function useDeleteRecord(collection: AdminCollection) {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(() => api.invoke('admin.directoryDelete', { collection, id })),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: directoryAdminKeys.collection(collection) });
      await qc.invalidateQueries({ queryKey: syncKeys.directory() });
    },
  });
}

export function useInvite() {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (invite: AccountInvite) => call(() => api.invoke('admin.invite', invite)),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}

export function useChangeRole() {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { userId: string; role: Role }) => call(() => api.invoke('admin.changeRole', v)),
    onSettled: () => qc.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}

/** Disables (ending its sessions on every device) or enables an account. */
export function useSetDisabled() {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { userId: string; disabled: boolean }) => call(() => api.invoke('admin.changeRole', v)),
    onSettled: () => qc.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}

export function useResetPassword() {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => call(() => api.invoke('admin.resetPassword', { userId })),
    onSettled: () => qc.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}
