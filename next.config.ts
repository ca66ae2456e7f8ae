import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // native and wasm modules stay in node_modules, loaded by Node at run time
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/schema-engine-wasm', 'yauzl'],
  typedRoutes: false,
  // `npm test` type-checks the whole tree with tsc first; checking again in every build only costs time
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
