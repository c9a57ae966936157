import { useEffect, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { observer } from 'mobx-react-lite';
import { useStores } from '../../stores';
import { PrivacyConsent } from '../PrivacyConsent';

interface PrivacyGateProps {
  children: ReactNode;
  /** After 拒绝; by default the page is left, since it cannot work without consent. */
  onDecline?: () => void;
}

/**
 * Wrap every page (or form) that collects a phone number or 证件号码: it shows the consent step
 * until the user agrees, then its children.
 */
function PrivacyGateComponent({ children, onDecline }: PrivacyGateProps) {
  const { privacy } = useStores();

  useEffect(() => {
    // WeChat keeps its own consent record; if it lacks one it asks, and the consent shows as a dialog.
    if (privacy.agreed) privacy.confirmWithPlatform().catch(() => undefined);
  }, [privacy, privacy.agreed]);

  if (!privacy.agreed) {
    return <PrivacyConsent onDecline={onDecline ?? (() => Taro.navigateBack())} />;
  }
  return <>{children}</>;
}

export const PrivacyGate = observer(PrivacyGateComponent);
