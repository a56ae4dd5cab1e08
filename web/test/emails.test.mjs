// Every email of the platform, as the real renderer writes it (the gallery's main, run here with
// sample data and with hostile values), opened in headless Chromium at phone and laptop widths:
// no sideways scrolling, buttons at least 44 px high, axe-core clean (WCAG 2.1 A and AA), and
// still readable with the dark colour scheme.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkAccessibility, launch } from './browser.mjs';
import { RESULTS, ROOT } from './stack.mjs';

const SETS = { sample: [], hostile: ['--hostile'] };
const WIDTHS = [390, 1280];
let browser;

function gallery(name, args) {
  const folder = join(RESULTS, 'emails', name);
  rmSync(folder, { recursive: true, force: true });
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java';
  const classpath = `${join(ROOT, 'local/target/local-runner.jar')}:${readFileSync(join(ROOT, 'local/target/classpath.txt'), 'utf8').trim()}`;
  execFileSync(java, ['-cp', classpath, 'org.socialdeclik.local.EmailGallery', folder, ...args], { stdio: 'pipe', encoding: 'utf8' });
  return { folder, emails: JSON.parse(readFileSync(join(folder, 'emails.json'), 'utf8')) };
}

const rendered = Object.fromEntries(Object.entries(SETS).map(([name, args]) => [name, gallery(name, args)]));

before(async () => {
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
});

/** Opens one email file at a width (and colour scheme) and runs check(page) on it. */
async function open(file, width, colorScheme, check) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  try {
    await page.goto(pathToFileURL(file).href);
    await check(page);
  } finally {
    await context.close();
  }
}

test('the gallery renders every email in both languages', () => {
  for (const { emails } of Object.values(rendered)) {
    const names = new Set(emails.map((e) => e.name));
    assert.ok(names.size >= 10, `every kind of email is rendered (${[...names].join(', ')})`);
    for (const name of names) {
      // the admins' review is French only: the association works in French
      assert.deepEqual(emails.filter((e) => e.name === name).map((e) => e.lang).sort(),
        name === 'mission-review' ? ['fr'] : ['en', 'fr']);
    }
  }
});

for (const [set, { folder, emails }] of Object.entries(rendered)) {
  for (const email of emails) {
    const file = join(folder, email.html);
    test(`${email.name} (${email.lang}, ${set}) fits a phone and a laptop, with real buttons, axe clean`, async () => {
      for (const width of WIDTHS) {
        await open(file, width, 'light', async (page) => {
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
          assert.ok(scrollWidth <= innerWidth, `no sideways scrolling at ${width} px (${scrollWidth} > ${innerWidth})`);
          const buttons = await page.locator('.button a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height));
          assert.ok(buttons.length >= 1, 'the email has its action as a button');
          for (const height of buttons) assert.ok(height >= 44, `a button is ${height} px high at ${width} px`);
          assert.equal(await page.getAttribute('html', 'lang'), email.lang);
          await checkAccessibility(page, `${email.html} at ${width} px`);
        });
      }
      await open(file, 390, 'dark', async (page) => {
        const background = await page.evaluate(() => getComputedStyle(document.querySelector('.card')).backgroundColor);
        assert.equal(background, 'rgb(30, 30, 30)', 'the dark colours apply');
        await checkAccessibility(page, `${email.html} in dark mode`);
      });
    });
  }
}
