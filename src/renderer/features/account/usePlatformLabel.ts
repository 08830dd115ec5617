import { useTranslation } from 'react-i18next';

/** "Linux", "Windows"… for the platforms the server knows, the raw value otherwise. */
export function usePlatformLabel() {
  const { t } = useTranslation();
  return (platform: string) => t(`account.platform.${platform}`, { defaultValue: platform });
}
