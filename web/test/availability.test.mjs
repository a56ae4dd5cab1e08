// "Still available?" in headless Chromium against the real local stack: the local run's clock 60
// days on, the availability schedule run now, the email's pause link opened (/availability) and
// answered with an end date, then /me showing the pause, resuming, and pausing again; axe-core on
// both pages, French and English.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAccessibility, startStackAndBrowser, stopStackAndBrowser, withPage } from './browser.mjs';
import { notice, unique } from './helpers.mjs';

let stack;
let browser;

before(async () => {
  ({ stack, browser } = await startStackAndBrowser());
});

after(() => stopStackAndBrowser(stack, browser));

async function post(path, body) {
  const response = await fetch(`${stack.api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body) });
  return { status: response.status, data: await response.json().catch(() => null) };
}

function tokenIn(email, path) {
  return new URLSearchParams(new URL(stack.link(email, path)).search).get('token');
}

/** A verified profile, by the API (the profile form has its own tests). */
async function activeProfile(email) {
  const created = await post('/profiles', {
    email, firstName: 'Ana', lastName: 'Martin', skills: ['WordPress'], causes: ['environnement'], location: { postalCode: '35000' },
    mobility: 'REGION', remote: true, proBono: false, languages: ['fr'], locale: 'fr', consent: true,
  });
  assert.equal(created.status, 202, JSON.stringify(created.data));
  const verification = await stack.email((e) => e.to.includes(email) && e.text.includes('/verify?'), { what: 'verification email' });
  assert.equal((await post('/profiles/verify', { token: tokenIn(verification, '/verify') })).status, 200);
}

/** A day of the local run's clock (moved on), as the API counts days: ISO yyyy-mm-dd. */
function dayOfRun(now, daysAhead) {
  return new Date(Date.parse(now) + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

test('"still available?": the pause link with an end date, then /me shows it, resumes and pauses again', async (t) => {
  const freelancer = `dispo.${unique()}@example.org`;
  await activeProfile(freelancer);
  t.after(() => fetch(`${stack.api}/_local/clock`, { method: 'DELETE' }));
  const { data: clock } = await post('/_local/clock', { advanceDays: 60 });
  assert.equal((await post('/_local/schedules/AvailabilityFunction/Hourly', {})).status, 200);
  const check = await stack.email((e) => e.to.includes(freelancer) && e.subject === 'Toujours disponible ?', { what: 'the check' });
  const pauseLink = /\S+\/availability\?answer=PAUSE&token=[^\s"'<>]+/.exec(check.text)[0];

  await withPage(browser, t, async (page) => {
    await page.goto(pauseLink);
    assert.equal(await page.isChecked('#answer-PAUSE'), true, 'the email chose the answer');
    assert.equal(await page.isVisible('#until'), true);
    await checkAccessibility(page, 'availability (fr)');
    await page.click('[data-lang-switch]');
    assert.match(await page.innerText('h1'), /Still available for missions/);
    await checkAccessibility(page, 'availability (en)');
    await page.click('[data-lang-switch]');
    await page.check('#answer-AVAILABLE');
    assert.equal(await page.isVisible('#until'), false, 'no end date for an answer "available"');
    await page.check('#answer-PAUSE');

    // a day past the limit is refused next to the field
    await page.fill('#until', dayOfRun(clock.now, 400));
    await page.click('button[type=submit]');
    await page.locator('#error-summary', { hasText: "Pause jusqu'au" }).waitFor();
    assert.equal(await page.getAttribute('#until', 'aria-invalid'), 'true');
    const until = dayOfRun(clock.now, 10);
    await page.fill('#until', until);
    await page.click('button[type=submit]');
    assert.match(await notice(page), /Votre profil est en pause[\s\S]*jusqu’au/);

    // /me, by a sign-in link: the pause, then resume, then pause again from there
    assert.equal((await post('/auth/link', { email: freelancer })).status, 202);
    const signIn = await stack.email((e) => e.to.includes(freelancer) && e.text.includes('/me?'), { what: 'sign-in email' });
    await page.goto(stack.link(signIn, '/me'));
    await page.locator('#availability-state').filter({ hasText: 'en pause jusqu’au' }).waitFor();
    assert.equal(await page.isVisible('#until'), false);
    await checkAccessibility(page, 'me, paused (fr)');
    await page.click('#availability-button');
    await page.locator('#status .notice', { hasText: 'de nouveau disponible' }).waitFor();
    assert.match(await notice(page), /de nouveau disponible/);
    assert.match(await page.innerText('#availability-state'), /Vous êtes disponible/);
    await page.click('[data-lang-switch]');
    assert.match(await page.innerText('#availability-button'), /Pause my profile/);
    await checkAccessibility(page, 'me, available (en)');
    await page.fill('#until', dayOfRun(clock.now, 20));
    await page.click('#availability-button');
    await page.locator('#status .notice', { hasText: 'Your profile is paused' }).waitFor();
    assert.match(await notice(page), /Your profile is paused/);
    assert.match(await page.innerText('#availability-state'), /paused until/);
  });
});
