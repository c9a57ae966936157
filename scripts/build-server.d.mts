/** Types of build-server.mjs for the TypeScript that imports it (the bench). */
export declare const serverBundle: string;
export declare function buildServer(): Promise<void>;
export declare function bundleIsCurrent(): boolean;
