/**
 * The one file that opens Electron's save dialog: the approval export goes where the person chooses,
 * written by main (the renderer never gets a file path or file-system access).
 */
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { FileSaver } from '../services/fileSaver.js';

export class ElectronFileSaver implements FileSaver {
  async save(suggestedName: string, bytes: Uint8Array): Promise<{ filename: string } | null> {
    const ext = extname(suggestedName).slice(1);
    const options = {
      defaultPath: `${app.getPath('downloads')}/${suggestedName}`,
      ...(ext ? { filters: [{ name: ext.toUpperCase(), extensions: [ext] }] } : {}),
    };
    const win = BrowserWindow.getFocusedWindow();
    const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return null;
    await writeFile(chosen.filePath, bytes);
    return { filename: basename(chosen.filePath) };
  }
}
