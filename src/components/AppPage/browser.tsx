import { observer } from 'mobx-react-lite';
import { useStores } from '../../stores';
import { SoterPrompt } from '../SoterPrompt';
import { SubscribePopup } from '../SubscribePopup';
import { WxUserPicker } from '../WxUserPicker';

/**
 * Browser build only: what WeChat itself shows in the mini program, played by the page — who the
 * simulated WeChat user is, the subscribe-message popup and the SOTER prompt. AppPage loads this file
 * in the browser build alone, so the mini program ships none of it.
 */
export const UserPicker = observer(function SimulatedUserPicker() {
  const { session } = useStores();
  return session.userPickerOpen ? <WxUserPicker onChoose={(name) => session.chooseSimulatedUser(name)} /> : null;
});

export const Popups = observer(function SimulatedPopups() {
  const { subscriptions, soter } = useStores();
  return (
    <>
      {subscriptions.popup && (
        <SubscribePopup templates={subscriptions.popup} onAnswer={(allowed) => subscriptions.answerPopup(allowed)} />
      )}
      {soter.prompt && <SoterPrompt onAnswer={(choice) => soter.answerPrompt(choice)} />}
    </>
  );
});
