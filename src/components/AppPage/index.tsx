import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useStores } from '../../stores';
import { PrivacyConsent } from '../PrivacyConsent';
import './index.scss';

/**
 * The browser build's stand-ins for WeChat's own popups. TARO_ENV is replaced at compile time, so
 * the weapp build leaves this require — their code and their styles — out of the main package.
 */
function browserStandIns(): typeof import('./browser') | null {
  if (process.env.TARO_ENV === 'h5') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('./browser');
  }
  return null;
}

interface AppPageProps {
  children: ReactNode;
  className?: string;
  /**
   * A page for whoever holds its link, with no WeChat user (the browser link, F18): nothing here
   * may sign in, so the simulated-user picker and the subscribe popup are never shown.
   */
  anonymous?: boolean;
}

/**
 * The frame of every page: the page itself, plus what the platform may need from the user on any
 * page — the browser build's simulated-user picker and subscribe popup, and WeChat's privacy consent.
 */
function AppPageComponent({ children, className, anonymous = false }: AppPageProps) {
  const { privacy } = useStores();
  const browser = anonymous ? null : browserStandIns();
  return (
    <View className={`app-page ${className ?? ''}`}>
      {children}
      {browser && <browser.UserPicker />}
      {privacy.platformAsking && <PrivacyConsent />}
      {browser && <browser.Popups />}
    </View>
  );
}

export const AppPage = observer(AppPageComponent);
