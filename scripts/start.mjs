#!/usr/bin/env node
/**
 * `npm start`: runs the server compiled (dist/server/main.js, scripts/build-server.mjs), building it
 * first when it is missing or a source is newer. Running TypeScript through tsx instead cost every
 * start its transpiling and a loader thread of its own (issue 9: seconds to /healthz, tens of MB).
 * server/main.ts does the rest: builds the browser app when missing, opens the database, serves.
 */
import { bundleIsCurrent, buildServer, serverBundle } from './build-server.mjs';

if (!bundleIsCurrent()) await buildServer();
// Stack traces name the TypeScript sources (the bundle's source map).
process.setSourceMapsEnabled(true);
await import(serverBundle);
