/**
 * Saving a file the server made (the signed approval export) where the person chooses. The Electron
 * layer implements it with the native save dialog (src/main/electron/electronFileSaver.ts); the web
 * bridge has none — there the renderer downloads the bytes (ExportResult `via: renderer`).
 */
export interface FileSaver {
  /** Asks where to save `suggestedName` and writes `bytes` there; the chosen name, or null when cancelled. */
  save(suggestedName: string, bytes: Uint8Array): Promise<{ filename: string } | null>;
}
