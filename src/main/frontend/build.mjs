// Builds the front end into the app's static resources (run by Maven in process-resources):
//   css/nhsuk.css       the NHS.UK frontend styles the pages use, compiled from the package's Sass (nhsuk.scss)
//   js/golden-thread.js our script bundled with the NHS.UK frontend components it starts
// Both minified; Spring then serves them under names that carry a hash of their content.
// Usage: node build.mjs <static output directory>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import * as sass from 'sass';

const [out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node build.mjs <static output directory>');
  process.exit(2);
}

const { css } = sass.compile('nhsuk.scss', { style: 'compressed', loadPaths: ['node_modules'], quietDeps: true });
// a font from another host would be blocked by the Content-Security-Policy (font-src 'self')
if (/@font-face\s*\{[^}]*url\(\s*["']?https?:/.test(css)) {
  console.error('nhsuk.css: an @font-face rule names a font on another host');
  process.exit(1);
}
// Spring names the file by a hash of these bytes, and rewrites the icon links in it only as it serves
// it: the version line makes a new frontend, whose icons may differ, a new name even if no rule changed.
const { version } = JSON.parse(readFileSync('node_modules/nhsuk-frontend/package.json', 'utf8'));
mkdirSync(join(out, 'css'), { recursive: true });
writeFileSync(join(out, 'css', 'nhsuk.css'), `/* nhsuk-frontend ${version} */\n${css}`);

await esbuild.build({
  entryPoints: ['golden-thread.js'],
  outfile: join(out, 'js', 'golden-thread.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`${out}: css/nhsuk.css (${css.length} bytes) and js/golden-thread.js built`);
