import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { getRootStore, StoreContext } from './stores';
import './app.scss';

function App({ children }: PropsWithChildren) {
  const store = getRootStore();

  useLaunch(() => {
    store.privacy.listen();
    // F1: sign in on launch; a page's first call would otherwise wait for it through the API client.
    store.session.ensureSignedIn().catch(() => undefined);
  });

  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export default App;
