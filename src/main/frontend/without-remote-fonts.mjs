// Copies the NHS.UK frontend stylesheet into the app without its @font-face rules for Frutiger.
// The font is licensed, not in the npm package, and served only from assets.nhs.uk, which the app's
// Content-Security-Policy (font-src 'self') blocks; Chromium reports that as a console error on every
// page as soon as it reads the rule, even if no text uses the font. Text falls back to the
// stylesheet's own next choice, Arial (or Frutiger where it is installed locally).
// Usage: node without-remote-fonts.mjs <source css> <target css>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  console.error('usage: node without-remote-fonts.mjs <source css> <target css>');
  process.exit(2);
}
const css = readFileSync(source, 'utf8');
const remote = /@font-face\s*\{[^}]*url\(\s*["']?https?:[^}]*\}/g;
const removed = css.match(remote) ?? [];
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, css.replace(remote, ''));
console.log(`${target}: ${removed.length} @font-face rule(s) for remote fonts left out`);
