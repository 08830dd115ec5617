/**
 * The OS clipboard as main uses it for copied passwords. The Electron layer implements it in one file
 * (src/main/electron/electronClipboard.ts, with the clipboard-history exclusion formats); the web
 * bridge has none — there the renderer writes the browser clipboard itself (CopyResult `via: renderer`).
 */
export interface Clipboard {
  /** SECRET: writes a password, marked as concealed / excluded from clipboard history where the OS offers it. */
  writeSecret(secret: string): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void>;
}
