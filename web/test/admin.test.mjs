// The admins' desk (/admin) in headless Chromium against the real local stack (moderation on):
// the sign-in link by email, the queue, a rejection with its reason, an approval, the figures.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAccessibility, launch, withPage } from './browser.mjs';
import { startStack } from './stack.mjs';
import { fillMission, notice, unique } from './helpers.mjs';

let stack;
let browser;

before(async () => {
  stack = await startStack({ moderation: 'on' });
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (stack) await stack.stop();
});

test("the admins' desk: a link by email, the queue, a rejection with its reason, an approval, the figures as charts", async (t) => {
  await withPage(browser, t, async (page) => {
    const rejected = `Bureau refusée ${unique()}`;
    const approved = `Bureau publiée ${unique()}`;
    for (const title of [rejected, approved]) {
      await page.goto(`${stack.web}/mission`);
      await fillMission(page, { title, email: `org-${unique()}@example.org` });
      await page.click('button[type=submit]');
      await notice(page);
    }

    // the sign-in form: the same answer for anyone, a link only for an admin
    await page.goto(`${stack.web}/admin`);
    await checkAccessibility(page, 'admin sign-in');
    await page.fill('#email', 'admin@socialdeclik.example');
    await page.click('#link-form button[type=submit]');
    assert.match(await notice(page), /Vérifiez votre boîte mail/);
    const link = await stack.email((e) => e.text.includes('/admin?token='), { what: "admin's link" });
    await page.goto(stack.link(link, '/admin'));
    const card = (title) => page.locator('#queue article', { has: page.locator('h3', { hasText: title }) });
    await card(rejected).waitFor();
    assert.doesNotMatch(page.url(), /token=/, 'the token leaves the address bar');
    const order = await page.locator('#queue h3').allInnerTexts();
    assert.ok(order.indexOf(rejected) < order.indexOf(approved), 'oldest first');
    await checkAccessibility(page, 'admin desk (fr)');

    // a rejection needs its reason
    await card(rejected).locator('button[value=REJECT]').click();
    assert.match(await page.innerText('#error-summary'), /motif/);
    await card(rejected).locator('textarea').fill("Hors du champ de l'ESS");
    await card(rejected).locator('button[value=REJECT]').click();
    assert.match(await notice(page), /est refusée/);
    await card(approved).locator('button[value=APPROVE]').click();
    await page.locator('#status .notice', { hasText: 'est publiée' }).waitFor();
    assert.match(await notice(page), /est publiée/);
    assert.equal(await card(approved).count(), 0);

    // the figures, with charts drawn in the page
    await page.reload();
    await page.locator('#stats figure.chart').first().waitFor();
    assert.equal(await page.locator('#stats figure.chart').count(), 3);
    assert.match(await page.innerText('#stats'), /Soumises/);
    await page.click('[data-lang-switch]');
    assert.match(await page.innerText('#stats'), /Submitted/);
    await checkAccessibility(page, 'admin desk (en)');
    await page.click('#sign-out');
    assert.equal(await page.isVisible('#link-form'), true);
  });
});
