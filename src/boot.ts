/*
 * Browser build only: a script of its own (config/index.ts), loaded `async` ahead of the app's. It
 * starts the sign-in while the app's ~140 KB are still on their way (services/headStart.ts).
 * Nothing here may import Taro, React or MobX: they would come with it.
 */
import { apiOrigin } from './services/api';
import { fetchTransport } from './services/fetchTransport';
import { startHeadStart } from './services/headStart';
import { webStorage } from './services/webStorage';

startHeadStart({ location: window.location, storage: webStorage, transport: fetchTransport, origin: apiOrigin() });
