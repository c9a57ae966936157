import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useStores } from '../../stores';
import { PrivacyConsent } from '../PrivacyConsent';
import { SubscribePopup } from '../SubscribePopup';
import { SoterPrompt } from '../SoterPrompt';
import { WxUserPicker } from '../WxUserPicker';
import './index.scss';

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
  const { session, privacy, subscriptions, soter } = useStores();
  return (
    <View className={`app-page ${className ?? ''}`}>
      {children}
      {!anonymous && session.userPickerOpen && <WxUserPicker onChoose={(name) => session.chooseSimulatedUser(name)} />}
      {privacy.platformAsking && <PrivacyConsent />}
      {!anonymous && subscriptions.popup && (
        <SubscribePopup templates={subscriptions.popup} onAnswer={(allowed) => subscriptions.answerPopup(allowed)} />
      )}
      {!anonymous && soter.prompt && <SoterPrompt onAnswer={(choice) => soter.answerPrompt(choice)} />}
    </View>
  );
}

export const AppPage = observer(AppPageComponent);
