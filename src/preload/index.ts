/**
 * Preload: exposes `window.callsign` (the typed IPC contract) and nothing else. ipcRenderer itself
 * is never exposed; listeners receive only the event payload.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CallsignApi } from '../shared/ipc/contract.js';

const api = {
  invoke: async (channel, payload) => {
    const r = await ipcRenderer.invoke('callsign:invoke', channel, payload);
    if (r.ok) return r.result;
    throw Object.assign(new Error(r.error.message), r.error);
  },
  on: (event, listener) => {
    const wrapped = (_e: IpcRendererEvent, name: string, data: unknown) => name === event && listener(data as never);
    ipcRenderer.on('callsign:event', wrapped);
    return () => void ipcRenderer.off('callsign:event', wrapped);
  },
} satisfies CallsignApi;

contextBridge.exposeInMainWorld('callsign', api);
