// The admins' desk (/admin) in headless Chromium against the real local stack (moderation on):
// the sign-in link by email, the queue, a rejection with its reason, an approval, the figures,
// and the missions nobody was interested in a week after publication (the run's clock 8 days on).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAccessibility, startStackAndBrowser, stopStackAndBrowser, withPage } from './browser.mjs';
import { fillMission, isoDate, notice, unique } from './helpers.mjs';

let stack;
let browser;

before(async () => {
  ({ stack, browser } = await startStackAndBrowser());
});

after(() => stopStackAndBrowser(stack, browser));

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

const ADMIN = 'admin@socialdeclik.example';

async function api(method, path, body) {
  const response = await fetch(`${stack.api}${path}`, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, data: text ? JSON.parse(text) : null };
}

/** The admin's newest sign-in link, once there are more than `known` of them (one per ten minutes of the run's clock). */
async function adminLink(known) {
  assert.equal((await api('POST', '/admin/link', { email: ADMIN })).status, 202);
  const links = async () => (await stack.emails()).filter((e) => e.to.includes(ADMIN) && e.text.includes('/admin?token='));
  for (let i = 0; (await links()).length <= known; i += 1) {
    if (i > 360) throw new Error("no new admin's link within 90 s");
    await new Promise((ok) => { setTimeout(ok, 250); });
  }
  const all = await links();
  return { url: stack.link(all.at(-1), '/admin'), count: all.length };
}

test('the missions nobody was interested in a week after publication, by the server\'s clock (the local run\'s, 8 days on)', async (t) => {
  const freelancer = `quiet-free-${unique()}@example.org`;
  assert.equal((await api('POST', '/profiles', {
    email: freelancer, firstName: 'Ana', lastName: 'Martin', headline: 'Développeuse WordPress', skills: ['WordPress'],
    causes: ['environnement'], location: { postalCode: '35000' }, mobility: 'REGION', remote: true, dailyRate: 450,
    minimumRate: 300, proBono: false, locale: 'fr', consent: true,
  })).status, 202);
  const verify = new URL(stack.link(await stack.email((e) => e.to.includes(freelancer), { what: 'verification' }), '/verify'));
  assert.equal((await api('POST', '/profiles/verify', { token: verify.searchParams.get('token') })).status, 200);
  const mission = async (title, skills) => {
    const answer = await api('POST', '/missions', {
      title, description: 'Refaire le site, accessible et léger.', skills, causes: ['environnement'], workMode: 'REMOTE',
      organization: { name: 'Les Jardins Partagés', type: 'ASSOCIATION', email: `org-${unique()}@example.org` },
      budget: 3000, estimatedDays: 6, proBono: false, startDate: isoDate(60), locale: 'fr',
    });
    assert.equal(answer.status, 202);
    return answer.data.id;
  };
  const quiet = `Sans réponse ${unique()}`;
  const liked = `Avec intérêt ${unique()}`;
  await mission(quiet, ['Comptabilité']);
  const likedId = await mission(liked, ['WordPress']);

  await withPage(browser, t, async (page) => {
    // published today, from the desk: neither is quiet yet
    let signIn = await adminLink(0);
    await page.goto(signIn.url);
    for (const title of [quiet, liked]) {
      const card = page.locator('#queue article', { has: page.locator('h3', { hasText: title }) });
      await card.locator('button[value=APPROVE]').click();
      await page.locator('#status .notice', { hasText: title }).waitFor();
    }
    // the freelancer says "I'm interested" in one of them, from the proposal's link
    const proposal = await stack.email((e) => e.to.includes(freelancer) && e.text.includes(liked), { what: 'proposal' });
    const interest = new URL(stack.link(proposal, '/interest'));
    assert.equal(interest.searchParams.get('mission'), likedId);
    assert.equal((await api('POST', '/interests', { token: interest.searchParams.get('token') })).status, 202);
    await page.reload();
    await page.locator('#quiet p, #quiet li').first().waitFor();
    assert.doesNotMatch(await page.innerText('#quiet'), new RegExp(`${quiet}|${liked}`));

    // eight days later (the admin token lives two hours: a new link)
    assert.equal((await api('POST', '/_local/clock', { advanceDays: 8 })).status, 200);
    try {
      signIn = await adminLink(signIn.count);
      await page.goto(signIn.url);
      const listed = page.locator('#quiet li', { hasText: quiet });
      await listed.waitFor();
      assert.match(await listed.innerText(), /Proposée à 0 freelance/);
      assert.doesNotMatch(await page.innerText('#quiet'), new RegExp(liked));
      await checkAccessibility(page, 'admin desk, quiet missions (fr)');
      await page.click('[data-lang-switch]');
      assert.match(await page.innerText('#quiet-title'), /No interest after a week/);
      assert.match(await page.innerText('#quiet'), new RegExp(quiet));
      assert.doesNotMatch(await page.innerText('#quiet'), new RegExp(liked));
      await checkAccessibility(page, 'admin desk, quiet missions (en)');
    } finally {
      await api('DELETE', '/_local/clock');
    }
  });
});
