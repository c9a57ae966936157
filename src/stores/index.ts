export { RootStore, getRootStore, type RootStoreOptions } from './RootStore';
export { SessionStore, type SessionStatus } from './SessionStore';
export { TenantStore } from './TenantStore';
export { PrivacyStore } from './PrivacyStore';
export { StoreContext, useStores } from './context';
export { errorMessage, tooManyAttemptsMessage } from './errors';
