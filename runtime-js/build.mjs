// npm run build: bundles and minifies src/live.js, and on their own the fallback carriers src/fallback.js, the
// dev-mode script src/dev.js and the upload script src/upload.js, into the jar's resources, where Maven packages them.
// Paths are relative to this file, so it works from any working directory.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { minify } from 'terser';
import { fileURLToPath } from 'node:url';

const path = relative => fileURLToPath(new URL(relative, import.meta.url));

// The dev-mode script and the fallback carriers are files of their own: pages load the first only in dev mode, the
// second only when a WebSocket does not get through, so the runtime's budget pays for neither. The carriers are built
// first: the runtime names them with a hash of their content, as the server names the runtime, so that a browser
// never keeps old carriers from its cache after an upgrade.
const bundles = [
  ['fallback.js', 'fallback.js', 'fallback carriers'],
  ['live.js', 'runtime.js', 'runtime'],
  ['dev.js', 'dev.js', 'dev mode'],
  ['upload.js', 'upload.js', 'uploads'],
];
const define = {};
for (const [source, target, what] of bundles) {
  const outfile = path('target/classes/META-INF/quarkus-live/' + target);
  await build({
    entryPoints: [path('src/' + source)],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    // Browsers with ES2020 (optional chaining, ??): every browser that runs module scripts well
    target: 'es2020',
    banner: { js: `/*! Quarkus Live ${what} */` },
    define,
    // The runtime imports the fallback carriers when it needs them, from beside itself: never bundled in
    external: ['./fallback.js*'],
    logLevel: 'info',
  });
  // esbuild bundles and minifies; terser then compresses further (the runtime: 5,165 bytes gzipped after esbuild
  // alone, 4,995 after terser), which keeps the runtime under its budget with the fallback in it
  const { code } = await minify(readFileSync(outfile, 'utf8'), {
    module: true, compress: { passes: 2 }, format: { comments: /^!/ },
  });
  writeFileSync(outfile, code);
  if (source === 'fallback.js') {
    const hash = createHash('sha256').update(readFileSync(outfile)).digest('base64url').slice(0, 12);
    define.FALLBACK = JSON.stringify(`./fallback.js?v=${hash}`);
  }
}

// The modifiers and the protocol's version and codes go into the jar too: the build of an application checks its
// templates against the same modifiers, and the server's tests hold its codes to the same list
mkdirSync(path('target/classes/META-INF/quarkus-live'), { recursive: true });
for (const spec of ['modifiers.json', 'protocol.json']) {
  copyFileSync(path('src/' + spec), path('target/classes/META-INF/quarkus-live/' + spec));
}
