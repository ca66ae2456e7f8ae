import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // native and wasm modules stay in node_modules, loaded by Node at run time
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/schema-engine-wasm', 'yauzl'],
  typedRoutes: false,
};

export default nextConfig;
