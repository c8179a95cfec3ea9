// npm run build: bundles and minifies src/live.js into the jar's resources, where Maven packages it.
// Paths are relative to this file, so it works from any working directory.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const path = relative => fileURLToPath(new URL(relative, import.meta.url));

await build({
  entryPoints: [path('src/live.js')],
  outfile: path('target/classes/META-INF/quarkus-live/runtime.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  // Browsers with ES2020 (optional chaining, ??): every browser that runs module scripts well
  target: 'es2020',
  banner: { js: '/*! Quarkus Live runtime */' },
  logLevel: 'info',
});
