/**
 * Approvals mutations: SMS codes and escalations go to the server through IPC (codes are never
 * kept here: the typed code crosses IPC once); records are written to the local outbox, from where
 * the uploader sends them.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EscalationRequest, SmsCodeRequest } from '../../../shared/api/approvals.js';
import { useServices } from '../../app/useServices.js';
import { toAppError } from '../../app/toAppError.js';
import { retryParked, verifyDeviceChain } from '../../db/approvalOutbox.js';
import { appendApprovalRecord, deviceId } from '../../db/deviceChain.js';
import { buildApprovalRecord, type RecordInput } from './buildApprovalRecord.js';
import { approvalKeys } from './queries.js';

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toAppError(err);
  }
}

export function useSendSmsCode() {
  const { api } = useServices();
  return useMutation({ mutationFn: (req: SmsCodeRequest) => call(() => api.invoke('sms.send', req)) });
}

export function useCheckSmsCode() {
  const { api } = useServices();
  return useMutation({
    mutationFn: (req: { codeId: string; code: string }) => call(() => api.invoke('sms.check', req)),
  });
}

export function useEscalate() {
  const { api } = useServices();
  return useMutation({ mutationFn: (req: EscalationRequest) => call(() => api.invoke('approvals.escalate', req)) });
}

/** Writes a finished workflow to the outbox, linked into this device's chain. Idempotent by record id. */
export function useSaveApprovalRecord() {
  const { db } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: Omit<RecordInput, 'deviceId'>) =>
      appendApprovalRecord(db, buildApprovalRecord({ ...input, deviceId: await deviceId(db) })),
    onSuccess: () => qc.invalidateQueries({ queryKey: approvalKeys.all }),
  });
}

export function useVerifyChain() {
  const { db } = useServices();
  return useMutation({ mutationFn: () => verifyDeviceChain(db) });
}

export function useRetryFailedUploads() {
  const { db } = useServices();
  return useMutation({ mutationFn: () => retryParked(db, Date.now()) });
}
