// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderPage } from '../../testing/renderPage.js';
import { CopyButton } from './CopyButton.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function withClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

describe('CopyButton', () => {
  it('says "Copied" after the clipboard took the text', async () => {
    const writeText = vi.fn(async () => {});
    withClipboard(writeText);
    renderPage(<CopyButton text="s3cret" label="Copy" copiedLabel="Copied" testId="copy" />);
    fireEvent.click(screen.getByTestId('copy'));
    expect(await screen.findByText('Copied')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('s3cret');
  });

  it('says what to do when the clipboard refuses, and logs it without the text', async () => {
    withClipboard(async () => {
      throw new DOMException('Document is not focused.', 'NotAllowedError');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderPage(<CopyButton text="s3cret" label="Copy" copiedLabel="Copied" testId="copy" />);
    fireEvent.click(screen.getByTestId('copy'));
    expect(await screen.findByText(/Couldn't copy: the clipboard refused/)).toBeTruthy();
    expect(screen.queryByText('Copied')).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('Document is not focused');
    expect(String(warn.mock.calls[0]![0])).not.toContain('s3cret');
  });
});
