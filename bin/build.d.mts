// Types of bin/build.mjs, for the TypeScript that imports it (src/cli/web-build.ts, the tests).
export function newestMtime(entry: string): number;
export function isStale(output: string, sources: string[]): boolean;
export function markBuilt(output: string, startedAt: number): void;
export function serverPaths(root: string): { bundle: string; sources: string[] };
export function buildServer(root: string): Promise<{ bundle: string; ms: number }>;
export function ensureServerBuild(root: string, log?: (message: string) => void): Promise<string>;
export function webPaths(root: string): {
  web: string;
  dist: string;
  stamp: string;
  config: string;
  sources: string[];
};
export function buildWeb(root: string, logLevel?: 'info' | 'warn'): Promise<{ dist: string; ms: number }>;
