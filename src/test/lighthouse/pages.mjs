// Scores the pages people open on a phone with Lighthouse (its default: a simulated mid-range phone
// on a slow 4G connection) against a running Golden Thread with the demo ICS, and prints
// performance and accessibility for each, with the paint times and bytes behind the score.
//
//   cd src/test/lighthouse && npm ci
//   GT_URL=http://localhost:8080 GT_EMAIL=admin@example.org GT_PASSWORD=... npm run pages
//
// GT_ODS picks another ICS than the demo's (ZNV); CHROME_PATH another Chromium than /usr/bin/chromium;
// RUNS=n scores each page n times and prints the median run; PAGES=regex scores only the pages
// whose names match; REPORTS=dir writes each run's full Lighthouse report there as JSON. Signed-in pages are scored with the
// session cookie of a password sign-in, set in the browser before the run; Lighthouse's own storage
// reset would clear it, so the script clears the browser's cache itself: every run is a first visit.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const base = (process.env.GT_URL ?? 'http://localhost:8080').replace(/\/$/, '');
const ods = process.env.GT_ODS ?? 'ZNV';
const runs = Number(process.env.RUNS ?? 1);
const { GT_EMAIL: email, GT_PASSWORD: password } = process.env;
if (!email || !password) {
  console.error('Set GT_EMAIL and GT_PASSWORD to an account that can see the ICS (the demo gives the platform administrator its ICS admin role).');
  process.exit(2);
}

/** The cookies a response sets, as name=value pairs. */
function cookiesOf(response) {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]);
}

function csrfOf(html) {
  const token = html.match(/name="_csrf"\s+value="([^"]+)"/);
  if (!token) throw new Error('no CSRF token on the page');
  return token[1];
}

async function signIn() {
  const form = await fetch(`${base}/login`);
  const cookies = cookiesOf(form);
  const body = new URLSearchParams({ _csrf: csrfOf(await form.text()), email, password });
  const signedIn = await fetch(`${base}/login`, {
    method: 'POST', body, redirect: 'manual', headers: { cookie: cookies.join('; ') },
  });
  const location = signedIn.headers.get('location') ?? '';
  if (signedIn.status !== 302 || location.includes('error')) {
    throw new Error(`could not sign in as ${email}: ${signedIn.status} ${location}`);
  }
  const session = cookiesOf(signedIn).find((c) => c.startsWith('GTSESSION='));
  if (!session) throw new Error('signing in set no session cookie');
  return session;
}

/** The first path on a page matching a pattern, for pages whose ids the demo chose. */
async function firstLink(path, pattern, cookie) {
  const html = await (await fetch(base + path, { headers: { cookie } })).text();
  const found = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]).find((href) => pattern.test(href));
  if (!found) throw new Error(`no link matching ${pattern} on ${path}`);
  return found.replace(/&amp;/g, '&');
}

/** The open survey's link, and the first page of questions a respondent reaches from it. */
async function respondentPages(cookie) {
  const surveys = await (await fetch(`${base}/ics/${ods}/surveys`, { headers: { cookie } })).text();
  const ids = [...surveys.matchAll(new RegExp(`href="/ics/${ods}/surveys/(\\d+)"`, 'g'))].map((m) => m[1]);
  for (const id of ids) {
    const surveyPath = `/ics/${ods}/surveys/${id}`;
    const survey = await (await fetch(base + surveyPath, { headers: { cookie } })).text();
    // only a digest of an open link is kept, so a new one is issued (as "Show a link to share" does)
    if (!survey.includes(`action="${surveyPath}/open-link"`)) continue;
    const issued = await fetch(`${base}${surveyPath}/open-link`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrfOf(survey) }),
      headers: { cookie },
      redirect: 'manual',
    });
    const shown = await (await fetch(new URL(issued.headers.get('location') ?? surveyPath, base), { headers: { cookie } })).text();
    const link = shown.match(/href="(?:https?:\/\/[^"/]+)?(\/respond\/[^"/]+)"/);
    if (!link) continue;
    const open = [null, link[1]];
    const start = await fetch(base + open[1]);
    const startPage = await start.text();
    // a closed survey's link shows a page saying so, with nothing to start
    if (!/name="_csrf"/.test(startPage)) continue;
    const begun = await fetch(base + open[1], {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrfOf(startPage) }),
      headers: { cookie: cookiesOf(start).join('; ') },
      redirect: 'manual',
    });
    const questions = begun.headers.get('location');
    return questions ? [open[1], new URL(questions, base).pathname] : [open[1]];
  }
  throw new Error('no survey open to respond to');
}

async function pages(cookie) {
  const results = await firstLink(`/ics/${ods}/surveys`, new RegExp(`^/ics/${ods}/surveys/\\d+/results$`), cookie)
    .catch(async () => `${await firstLink(`/ics/${ods}/surveys`, new RegExp(`^/ics/${ods}/surveys/\\d+$`), cookie)}/results`);
  const cycle = await firstLink(`/ics/${ods}/assessments`, new RegExp(`^/ics/${ods}/assessments/\\d+$`), cookie);
  const [openLink, questions] = await respondentPages(cookie);
  return [
    ['sign-in', '/login', null],
    ['ICS overview', `/ics/${ods}`, cookie],
    ['Insight', `/ics/${ods}/insight`, cookie],
    ['Insight: time and seats', `/ics/${ods}/insight/time-and-seats`, cookie],
    ['Insight: professions', `/ics/${ods}/insight/professions`, cookie],
    ['Insight: development', `/ics/${ods}/insight/development`, cookie],
    ['forum map', `/ics/${ods}/insight/forums`, cookie],
    ['register', `/ics/${ods}/people`, cookie],
    ['survey results', results, cookie],
    ['a cycle', cycle, cookie],
    ['board report', `${cycle}/report`, cookie],
    ['respondent: open link', openLink, null],
    ...(questions ? [['respondent: questions', questions, null]] : []),
  ];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const cookie = await signIn();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
const version = (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version;
console.log(`Lighthouse ${version}, mobile (simulated), ${base}, ${new Date().toISOString()}`);
console.log(['page', 'performance', 'accessibility', 'FCP s', 'LCP s', 'TBT ms', 'SI s', 'CLS', 'KB', 'elements', 'path'].join('\t'));

/** One run of Lighthouse on a fresh tab: nothing cached, signed in or not as the page needs. */
async function score(path, signedIn) {
  const page = await browser.newPage();
  try {
    const cdp = await page.createCDPSession();
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.clearBrowserCookies');
    if (signedIn) {
      const [cookieName, value] = signedIn.split('=');
      await cdp.send('Network.setCookie', { name: cookieName, value, url: base, httpOnly: true });
    }
    const { lhr } = await lighthouse(
      base + path,
      { output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], disableStorageReset: true },
      undefined,
      page,
    );
    if (lhr.runtimeError) throw new Error(lhr.runtimeError.message);
    if (process.env.REPORTS) {
      const { mkdirSync, writeFileSync } = await import('node:fs');
      mkdirSync(process.env.REPORTS, { recursive: true });
      writeFileSync(`${process.env.REPORTS}/${path.replace(/[^A-Za-z0-9]+/g, '_')}.json`, JSON.stringify(lhr));
    }
    if (new URL(lhr.finalDisplayedUrl).pathname === '/login' && path !== '/login') {
      throw new Error('sent to sign in: the session cookie was not accepted');
    }
    const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      si: audit('speed-index'),
      cls: audit('cumulative-layout-shift'),
      bytes: audit('total-byte-weight'),
      elements: audit('dom-size'),
    };
  } finally {
    await page.close();
  }
}

const rows = [];
try {
  // PAGES=regex scores only the pages whose names match it
  const only = new RegExp(process.env.PAGES ?? '.', 'i');
  for (const [name, path, signedIn] of (await pages(cookie)).filter(([name]) => only.test(name))) {
    try {
      const scored = [];
      for (let i = 0; i < runs; i++) scored.push(await score(path, signedIn));
      const r = scored.find((s) => s.performance === median(scored.map((x) => x.performance)));
      rows.push({ name, ...r });
      console.log([
        name, r.performance, r.accessibility, (r.fcp / 1000).toFixed(1), (r.lcp / 1000).toFixed(1),
        Math.round(r.tbt), (r.si / 1000).toFixed(1), r.cls.toFixed(3), Math.round(r.bytes / 1024), r.elements, path,
      ].join('\t'));
    } catch (error) {
      rows.push({ name, performance: 0, accessibility: 0 });
      console.log(`${name}\tfailed: ${error.message}\t${path}`);
    }
  }
} finally {
  await browser.disconnect();
  await chrome.kill();
}

const below = rows.filter((r) => r.performance < 95 || r.accessibility < 100);
if (below.length) {
  console.log(`below 95 performance or 100 accessibility: ${below.map((r) => r.name).join(', ')}`);
  process.exitCode = 1;
}
