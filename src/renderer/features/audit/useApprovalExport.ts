/**
 * The signed export of the current filter (CSV or XLSX, made and signed by the server). In Electron
 * main saves it through the save dialog; in the web bridge main hands over the bytes and the page
 * downloads them the way the Audit page's CSV export does (a Blob URL).
 */
import { useMutation } from '@tanstack/react-query';
import type { ApprovalFilter, EXPORT_FORMATS } from '../../../shared/audit/approvalQuery.js';
import type { ExportResult } from '../../../shared/ipc/contract.js';
import { toAppError } from '../../app/toAppError.js';
import { useServices } from '../../app/useServices.js';

type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function downloadBase64(filename: string, base64: string, type: string) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Where the file went: saved by main, downloaded by the page, or not saved (dialog cancelled). */
export type ExportDone = { filename: string; saved: boolean };

export function useApprovalExport() {
  const { api } = useServices();
  return useMutation({
    mutationFn: async ({ format, filter }: { format: ExportFormat; filter: ApprovalFilter }): Promise<ExportDone> => {
      let result: ExportResult;
      try {
        result = await api.invoke('audit.approvalsExport', { ...filter, format });
      } catch (err) {
        throw toAppError(err);
      }
      if (result.via === 'main') return { filename: result.filename, saved: result.saved };
      downloadBase64(result.filename, result.base64, result.contentType);
      return { filename: result.filename, saved: true };
    },
  });
}
