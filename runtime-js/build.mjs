// npm run build: bundles and minifies src/live.js, and the dev-mode script src/dev.js on its own, into the jar's
// resources, where Maven packages them.
// Paths are relative to this file, so it works from any working directory.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const path = relative => fileURLToPath(new URL(relative, import.meta.url));

// The dev-mode script is a file of its own: pages load it only in dev mode, so the runtime's budget never pays for it
const bundles = { 'live.js': ['runtime.js', 'runtime'], 'dev.js': ['dev.js', 'dev mode'] };
for (const [source, [target, what]] of Object.entries(bundles)) {
  await build({
    entryPoints: [path('src/' + source)],
    outfile: path('target/classes/META-INF/quarkus-live/' + target),
    bundle: true,
    minify: true,
    format: 'esm',
    // Browsers with ES2020 (optional chaining, ??): every browser that runs module scripts well
    target: 'es2020',
    banner: { js: `/*! Quarkus Live ${what} */` },
    logLevel: 'info',
  });
}

// The modifiers and the protocol's version and codes go into the jar too: the build of an application checks its
// templates against the same modifiers, and the server's tests hold its codes to the same list
mkdirSync(path('target/classes/META-INF/quarkus-live'), { recursive: true });
for (const spec of ['modifiers.json', 'protocol.json']) {
  copyFileSync(path('src/' + spec), path('target/classes/META-INF/quarkus-live/' + spec));
}
