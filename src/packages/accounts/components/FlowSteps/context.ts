import { createContext, useContext } from 'react';
import { useStores, type FlowStore } from '../../../../stores';

/**
 * The flow the steps show: the app's own, unless a page provides another — the browser link drives
 * its flows through the link routes, with no sign-in (packages/notify).
 */
export const FlowContext = createContext<FlowStore | null>(null);

export function useFlow(): FlowStore {
  const { flow } = useStores();
  return useContext(FlowContext) ?? flow;
}
