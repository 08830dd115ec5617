import { useEffect, useState } from 'react';
import Button from '@mui/material/Button';
import ContentCopy from '@mui/icons-material/ContentCopy';
import Check from '@mui/icons-material/Check';

/**
 * Copies text to the clipboard on request (the person's choice: a secret on the clipboard is then
 * theirs to paste into a password manager). Says "Copied" for two seconds.
 */
export function CopyButton({
  text,
  label,
  copiedLabel,
  testId,
  variant = 'outlined',
}: {
  text: string;
  label: string;
  copiedLabel: string;
  testId?: string;
  variant?: 'outlined' | 'text' | 'contained';
}) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const id = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(id);
  }, [copied]);
  return (
    <Button
      variant={variant}
      startIcon={copied ? <Check fontSize="small" /> : <ContentCopy fontSize="small" />}
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => undefined,
        )
      }
      data-testid={testId}
      aria-live="polite"
    >
      {copied ? copiedLabel : label}
    </Button>
  );
}
