/**
 * Copy for the web bridge, where main has no OS clipboard: the page writes the browser clipboard and
 * clears it after `clearAfterSeconds` only if it still holds the password (readText and compare, then
 * writeText('')). Limits (README, "Web bridge clipboard"): the clear runs only while this page is open,
 * focused enough for the browser to allow clipboard reads; the browser offers no history-exclusion
 * markers; OS clipboard managers may have recorded it.
 */
export interface BrowserClipboard {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

export interface ClearHandle {
  /** Clears now if unchanged (dialog closed, lease ended); the timer is cancelled. */
  clearNow(): Promise<void>;
}

/** SECRET: writes `secret`; returns a handle whose clear (timed or explicit) checks it is still there. */
export async function copyWithClear(
  clipboard: BrowserClipboard,
  secret: string,
  clearAfterSeconds: number,
  onError: (message: string, err: unknown) => void,
): Promise<ClearHandle> {
  await clipboard.writeText(secret);
  let done = false;
  const clear = async () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    try {
      if ((await clipboard.readText()) === secret) await clipboard.writeText('');
    } catch (err) {
      onError('The browser did not let Callsign clear the clipboard; clear it yourself.', err);
    }
  };
  const timer = setTimeout(() => void clear(), clearAfterSeconds * 1000);
  return { clearNow: clear };
}
