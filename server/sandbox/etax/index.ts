/**
 * The e-tax sandbox: a stand-in for the tax bureau (seed 000, PLATFORM.md) as a Fastify plugin.
 * The server registers it with `prefix: '/sandbox/etax'`:
 *   /api/...      the bureau API the adapter calls (ETAX_API_BASE = <server>/sandbox/etax/api)
 *   /control/...  the control API of CONTRACT.md and the phone page (GET /control/)
 *   /provider/... the hosted-number providers (华盟托管号码, 企享云办税小号)
 * Its data lives in its own store (store.ts), never in the product's database.
 */
import type { FastifyPluginAsync } from 'fastify';
import { bureauApiRoutes } from './routes/api';
import { controlRoutes } from './routes/control';
import { providerRoutes } from './routes/provider';
import { createEtaxStore, type EtaxStore, type EtaxStoreOptions } from './store';

export interface EtaxSandboxOptions extends EtaxStoreOptions {
  /** A store made with createEtaxStore, to share it with seedDemoBureau; when given, the other options are ignored. */
  store?: EtaxStore;
}

export const etaxSandbox: FastifyPluginAsync<EtaxSandboxOptions> = async (app, options) => {
  const store = options.store ?? createEtaxStore(options);
  await app.register(bureauApiRoutes, { prefix: '/api', store });
  await app.register(controlRoutes, { prefix: '/control', store });
  await app.register(providerRoutes, { prefix: '/provider', store });
};

export { createEtaxStore, EtaxStore, type EtaxStoreOptions, type Fault } from './store';
export { DEFAULT_TIMING, type EtaxTiming } from './timing';
export { seedDemoBureau, type DemoBureauPerson, type DemoEnterprise } from './demo';
