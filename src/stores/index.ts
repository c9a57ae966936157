export { RootStore, getRootStore, type RootStoreOptions } from './RootStore';
export { SessionStore, type SessionStatus } from './SessionStore';
export { TenantStore } from './TenantStore';
export { PrivacyStore } from './PrivacyStore';
export { AccountStore } from './AccountStore';
export { FlowStore, POLL_MS, type FlowDriver, type FlowError, type FlowStart } from './FlowStore';
export { AdminStore } from './AdminStore';
export {
  PasswordChangeStore,
  PASSWORD_POLL_MS,
  type PasswordChangeError,
  type PasswordScreen,
} from './PasswordChangeStore';
export { LoginRequestStore } from './LoginRequestStore';
export { SubscriptionStore, TEMPLATE_TITLES, type SubscribeOutcome } from './SubscriptionStore';
export { StoreContext, useStores } from './context';
export { errorMessage, tooManyAttemptsMessage } from './errors';
