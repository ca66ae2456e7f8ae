// Bundles bench/gpu-train.ts into one ESM file for scripts/gpu-check/build.sh: tfjs, the wasm backend, the webgpu
// backend and the `webgpu` package's loader all inside; dawn.node and the .wasm files are copied beside it by
// build.sh and found there at run time (nothing is resolved from node_modules).
// Usage: node scripts/gpu-check/bundle.mjs <outfile>
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';

const outfile = process.argv[2];
if (!outfile) throw new Error('usage: bundle.mjs <outfile>');

// select-backend.ts finds the wasm binaries with require.resolve into node_modules; in the bundle they sit
// beside the bundle file instead.
const WASM_RESOLVE = "require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')";
const wasmBesideBundle = {
  name: 'wasm-beside-bundle',
  setup(build) {
    build.onLoad({ filter: /lib[\\/]train[\\/]select-backend\.ts$/ }, async (args) => {
      const src = await readFile(args.path, 'utf8');
      if (!src.includes(WASM_RESOLVE)) throw new Error(`select-backend.ts no longer contains ${WASM_RESOLVE}: update scripts/gpu-check/bundle.mjs`);
      const replaced = src.replace(WASM_RESOLVE, "decodeURIComponent(new URL('./tfjs-backend-wasm.wasm', import.meta.url).pathname)");
      return { contents: replaced, loader: 'ts' };
    });
  },
};

const result = await esbuild.build({
  entryPoints: [path.resolve('bench/gpu-train.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outfile,
  // CommonJS modules inside an ESM bundle still call require() for Node's built-ins and read __dirname (the
  // Emscripten loader of the wasm backend).
  banner: {
    js: [
      "import { createRequire as __gcCreateRequire } from 'node:module';",
      "import { fileURLToPath as __gcFileURLToPath } from 'node:url';",
      "import { dirname as __gcDirname } from 'node:path';",
      'const require = __gcCreateRequire(import.meta.url);',
      'const __filename = __gcFileURLToPath(import.meta.url);',
      'const __dirname = __gcDirname(__filename);',
    ].join(' '),
  },
  // Optional backends that select-backend.ts imports by a computed name; never installed here.
  external: ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [wasmBesideBundle],
});
const inputs = Object.keys(result.metafile.inputs);
const pkgs = [...new Set(inputs.filter((i) => i.includes('node_modules/')).map((i) => i.split('node_modules/').pop().split('/').slice(0, i.split('node_modules/').pop().startsWith('@') ? 2 : 1).join('/')))];
console.log(`bundled ${inputs.length} files; packages: ${pkgs.sort().join(', ')}`);
