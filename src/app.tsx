import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { signsInAtLaunch } from './routes';
import { getRootStore, StoreContext } from './stores';
import './app.scss';

// Browser build: the home page comes in the first script instead of a chunk asked for once that
// script has run (one round trip less before 个人中心). WeChat packs pages itself: not in weapp.
if (process.env.TARO_ENV === 'h5') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./pages/index/index');
  // A 登录通知 link followed while a page still slides out waits for it (src/routeChanges.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./routeChanges').holdRouteChangesWhileBusy();
}

function App({ children }: PropsWithChildren) {
  const store = getRootStore();

  useLaunch((options) => {
    store.privacy.listen();
    // F1: sign in on launch; a page's first call would otherwise wait for it through the API client.
    // Not on the browser link (F18): it is opened in any browser, where nobody is a WeChat user.
    if (signsInAtLaunch(options?.path)) store.session.ensureSignedIn().catch(() => undefined);
  });

  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export default App;
