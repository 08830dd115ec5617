import { useEffect, useState } from 'react';
import Button from '@mui/material/Button';
import ContentCopy from '@mui/icons-material/ContentCopy';
import Check from '@mui/icons-material/Check';
import { useTranslation } from 'react-i18next';

/**
 * Copies text to the clipboard on request (the person's choice: a secret on the clipboard is then
 * theirs to paste into a password manager). Says "Copied" for two seconds. A refused clipboard (no
 * focus, a policy, no permission in the web bridge) is said on the button and logged — without the text.
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
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const id = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(id);
  }, [copied]);
  useEffect(() => {
    if (!failed) return;
    const id = setTimeout(() => setFailed(false), 6000);
    return () => clearTimeout(id);
  }, [failed]);
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('navigator.clipboard is not available');
      await navigator.clipboard.writeText(text);
      setFailed(false);
      setCopied(true);
    } catch (err) {
      console.warn(`Copy to the clipboard failed (${testId ?? label}): ${(err as Error).message}`);
      setFailed(true);
    }
  };
  return (
    <Button
      variant={variant}
      startIcon={copied ? <Check fontSize="small" /> : <ContentCopy fontSize="small" />}
      onClick={() => void copy()}
      data-testid={testId}
      aria-live="polite"
      color={failed ? 'warning' : undefined}
    >
      {copied ? copiedLabel : failed ? t('account.copyFailed') : label}
    </Button>
  );
}
