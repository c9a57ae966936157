/**
 * src/app.config.ts calls Taro's compile-time global `defineAppConfig`; outside the Taro build
 * (the server reading the page list) it is the identity. Imported before the config.
 */
const g = globalThis as { defineAppConfig?: <T>(config: T) => T };
g.defineAppConfig ??= (config) => config;
export {};
