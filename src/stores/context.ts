import { createContext, useContext } from 'react';
import { getRootStore, type RootStore } from './RootStore';

/** Lets tests give a page its own RootStore; the app itself uses the one from getRootStore(). */
export const StoreContext = createContext<RootStore | null>(null);

export function useStores(): RootStore {
  return useContext(StoreContext) ?? getRootStore();
}
