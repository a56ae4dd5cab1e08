// The browser tests' helpers: a page per test with a screenshot when it fails (test-results/),
// axe-core checks. The browser itself is started by ../tools/chromium.mjs (the pinned npm package's
// headless Chromium), as every other part of the project starts it.
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { launch } from '../tools/chromium.mjs';
import { RESULTS, startStack } from './stack.mjs';

export { launch };

/** The real local stack (moderation on unless told) and a browser, for one test file's tests. */
export async function startStackAndBrowser(options = { moderation: 'on' }) {
  const stack = await startStack(options);
  try {
    return { stack, browser: await launch() };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/** Stops what startStackAndBrowser started (either may be missing when starting failed). */
export async function stopStackAndBrowser(stack, browser) {
  if (browser) await browser.close();
  if (stack) await stack.stop();
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs fn(page) in a fresh browser context (French browser, laptop size unless told); on failure
 * saves a full-page screenshot named after the test, and fails on uncaught page errors and on
 * Content-Security-Policy violations.
 */
export async function withPage(browser, t, fn, { locale = 'fr-FR', viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ locale, viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  try {
    await fn(page, context);
    if (problems.length) throw new Error(problems.join('\n'));
  } catch (error) {
    mkdirSync(RESULTS, { recursive: true });
    const file = join(RESULTS, `${t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    error.message = `${error.message}\n(screenshot: ${file}; page ${page.url()})${problems.length ? `\n${problems.join('\n')}` : ''}`;
    throw error;
  } finally {
    await context.close();
  }
}

/** axe-core on the page as it is now: fails on any WCAG 2.0/2.1 A or AA violation. */
export async function checkAccessibility(page, label = page.url()) {
  // evaluate runs outside the page's CSP, which forbids inline scripts (and must go on doing so)
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  }));
  if (results.violations.length) {
    const lines = results.violations.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5)
      .map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n    ')}`);
    throw new Error(`accessibility violations on ${label}:\n${lines.join('\n')}`);
  }
  return results;
}
