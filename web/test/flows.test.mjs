// The web app in headless Chromium against the real local stack (local runner + moto, moderation
// on): every flow of the contract as a person does it, and axe-core on every page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkAccessibility, startStackAndBrowser, stopStackAndBrowser, withPage } from './browser.mjs';
import { tail } from './stack.mjs';
import { addItems, fillMission, isoDate, notice, unique } from './helpers.mjs';

let stack;
let browser;

before(async () => {
  ({ stack, browser } = await startStackAndBrowser());
});

after(() => stopStackAndBrowser(stack, browser));

async function fillProfile(page, { email }) {
  await page.fill('#firstName', 'Ana');
  await page.fill('#lastName', 'Martin');
  await page.fill('#email', email);
  await page.fill('#headline', 'Développeuse WordPress');
  await addItems(page, 'skills', ['WordPress', 'référencement naturel']);
  await addItems(page, 'causes', ['environnement']);
  await page.selectOption('#location-department', '35');
  await page.check('#mobility-REGION');
  await page.check('#remote');
  await page.fill('#dailyRate', '450');
  await page.fill('#minimumRate', '300');
  await page.fill('#availability-from', isoDate(1));
  await page.check('#languages-fr');
  await page.check('#languages-en');
  await page.check('#consent');
}

test('the home page opens both doors, in French or in English', async (t) => {
  await withPage(browser, t, async (page) => {
    await page.goto(`${stack.web}/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.match(await page.innerText('h1'), /Des missions numériques/);
    await checkAccessibility(page, 'home (fr)');

    await page.click('[data-lang-switch]');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.innerText('h1'), /Digital missions that make sense/);
    assert.equal(await page.title(), 'Social Declik · digital missions that make sense');
    await checkAccessibility(page, 'home (en)');

    await page.click('text=Create my profile >> nth=-1');
    await page.waitForURL(`${stack.web}/profile`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the choice is kept from page to page');
    assert.match(await page.innerText('h1'), /Create my freelancer profile/);
    await page.click('[data-lang-switch]');
    assert.match(await page.innerText('h1'), /Créer mon profil de freelance/);

    await page.goto(`${stack.web}/`);
    await page.click('.door >> text=Proposer une mission');
    await page.waitForURL(`${stack.web}/mission`);
  });
});

test('every page passes axe-core (WCAG 2.1 A and AA), French and English, phone and laptop', async (t) => {
  const pages = ['/', '/mission', '/profile', '/me', '/verify?token=x', '/review?mission=m1&token=x',
    '/manage-mission?mission=m1&token=x', '/interest?token=x', '/unsubscribe?token=x', '/availability?answer=PAUSE&token=x',
    '/verify', '/admin', '/nowhere'];
  for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 740 }]) {
    await withPage(browser, t, async (page) => {
      for (const path of pages) {
        await page.goto(`${stack.web}${path}`);
        await page.waitForLoadState('networkidle');
        await checkAccessibility(page, `${path} (${viewport.width}px, fr)`);
      }
      await page.click('[data-lang-switch]');
      for (const path of pages) {
        await page.goto(`${stack.web}${path}`);
        await page.waitForLoadState('networkidle');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        await checkAccessibility(page, `${path} (${viewport.width}px, en)`);
      }
    }, { viewport });
  }
});

test('paths work without .html, unknown ones are a 404 page, and the server sends a strict CSP', async () => {
  const verify = await fetch(`${stack.web}/verify?token=abc`);
  assert.equal(verify.status, 200);
  assert.match(await verify.text(), /Confirmer votre adresse email/);
  const csp = verify.headers.get('content-security-policy');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, new RegExp(`connect-src 'self' ${stack.api}`));
  const missing = await fetch(`${stack.web}/nowhere`);
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /Page introuvable/);
  const config = await (await fetch(`${stack.web}/config.js`)).text();
  assert.match(config, new RegExp(`apiBaseUrl = "${stack.api}"`));
  const health = await (await fetch(`${stack.api}/_local/health`)).json();
  assert.equal(health.components.web, 'UP');
});

test("a mission's mistakes show next to their fields and in an announced summary", async (t) => {
  await withPage(browser, t, async (page) => {
    await page.goto(`${stack.web}/mission`);
    await page.fill('#title', 'Refonte');
    await addItems(page, 'skills', ['WordPress', '!!!']);
    await page.fill('#organization-email', 'not-an-address');
    await page.fill('#location-postalCode', '999');
    await page.click('button[type=submit]');

    const summary = page.locator('#error-summary .notice');
    await summary.waitFor();
    assert.equal(await page.getAttribute('#error-summary', 'role'), 'alert');
    assert.equal(await summary.evaluate((el) => el === document.activeElement), true, 'the summary takes the focus');
    assert.match(await summary.innerText(), /Le formulaire contient \d+ erreurs/);

    for (const id of ['description', 'skills', 'organization-email', 'organization-name', 'budget', 'startDate']) {
      assert.equal(await page.getAttribute(`#${id}`, 'aria-invalid'), 'true', `#${id} is marked invalid`);
      const describedBy = await page.getAttribute(`#${id}`, 'aria-describedby');
      const errorId = describedBy.split(' ').find((x) => x.endsWith('-error'));
      assert.ok(errorId, `#${id} is described by its error`);
      assert.ok((await page.innerText(`#${errorId}`)).length > 0);
    }
    assert.match(await page.innerText('#skills-error'), /« !!! »/, 'skills[1] is shown on the skills control, naming the item');
    assert.equal(await page.locator('#skills-chips li.invalid').count(), 1);
    assert.equal(await page.getAttribute('#location-postalCode', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute('input[name=workMode] >> nth=0', 'aria-invalid'), 'true');
    await checkAccessibility(page, 'mission with errors');

    // a link of the summary takes the focus to its field
    await page.click('#error-summary a[href="#description"]');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'description');

    // in English, the API answers in English
    await page.click('[data-lang-switch]');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => /The form has \d+ errors/.test(document.querySelector('#error-summary').innerText));
    assert.match(await page.innerText('#description-error'), /This field is required/);
  });
});

test('an empty mission form names each field as its label does; a field at its limit says so', async (t) => {
  await withPage(browser, t, async (page) => {
    await page.goto(`${stack.web}/mission`);
    await page.click('button[type=submit]');
    const summary = page.locator('#error-summary .notice');
    await summary.waitFor();
    const items = await summary.locator('li').allInnerTexts();
    assert.ok(items.length >= 5, `every missing field is listed (${items.length})`);
    for (const item of items) {
      // "organization : Ce champ est obligatoire." was the JSON path, not what the form calls it
      assert.doesNotMatch(item, /^[a-z]+([.[][a-zA-Z0-9\]]+)* :/, `"${item}" names a label, not an API field`);
    }
    assert.ok(items.some((item) => item.startsWith('Votre structure :')), 'the organisation block is named by its legend');

    // typing up to the limit: the count says so, and the limit is announced
    const title = 'Refonte du site'.padEnd(120, '.');
    await page.fill('#title', title.slice(0, 119));
    assert.match(await page.innerText('#title-count'), /119 \/ 120 caractères/);
    await page.focus('#title');
    await page.keyboard.insertText('xyz');
    assert.equal((await page.inputValue('#title')).length, 120);
    assert.equal(await page.evaluate(() => document.querySelector('#title-count').closest('.counter').classList.contains('at-limit')), true);
    assert.match(await page.innerText('#title-count + .limit-alert'), /coupé à 120 caractères|Limite de 120 caractères atteinte/);
    assert.match(await page.getAttribute('#title', 'aria-describedby'), /title-count/);
    await checkAccessibility(page, 'mission form at a limit');
  });
});

test('the whole journey: profile, verification link, edit, export, mission, review, interest, unsubscribe, close, sign-in link, delete', async (t) => {
  const freelancer = `ana.${unique()}@example.org`;
  const organisation = `contact.${unique()}@jardins.example`;
  const title = `Refonte du site WordPress ${unique()}`;

  await withPage(browser, t, async (page) => {
    // a freelancer creates a profile
    await page.goto(`${stack.web}/profile`);
    await fillProfile(page, { email: freelancer });
    assert.deepEqual(await page.$$eval('#skills-chips li', (lis) => lis.map((li) => li.dataset.value)),
      ['WordPress', 'référencement naturel']);
    await page.click('button[type=submit]');
    assert.match(await notice(page), new RegExp(`Vérifiez votre boîte mail[\\s\\S]*${freelancer.replace(/\./g, '\\.')}`));
    assert.equal(await page.isHidden('#profile-form'), true);

    // and follows the verification link of the email
    const verification = await stack.email((e) => e.to.includes(freelancer) && e.text.includes('/verify?'),
      { what: 'verification email' });
    await page.goto(stack.link(verification, '/verify'));
    await checkAccessibility(page, 'verify');
    await page.click('button[type=submit]');
    assert.match(await notice(page), /Adresse confirmée/);
    assert.equal(new URL(page.url()).search, '', 'the token leaves the address bar');
    assert.equal(await page.evaluate(() => Object.keys(localStorage).some((k) => /access/.test(k))), false,
      'the access token is never in localStorage');

    // sees the profile, edits it
    await page.click('#to-profile');
    await page.waitForURL(`${stack.web}/me`);
    await page.locator('#profile').waitFor();
    assert.match(await page.innerText('#summary'), /Actif/);
    assert.match(await page.innerText('#summary'), /Référencement naturel \(SEO\)/, 'the skills as understood');
    assert.equal(await page.inputValue('#firstName'), 'Ana');
    assert.equal(await page.inputValue('#email'), freelancer);
    assert.equal(await page.isDisabled('#email'), true);
    assert.equal(await page.inputValue('#location-department'), '35');
    assert.equal(await page.isChecked('#mobility-REGION'), true);
    await checkAccessibility(page, 'me');
    await page.fill('#headline', 'Développeuse WordPress et accessibilité');
    await page.click('#skills-chips li[data-value="référencement naturel"] button');
    await addItems(page, 'skills', ['UX design']);
    await page.click('#profile-form button[type=submit]');
    assert.match(await notice(page), /Profil enregistré/);
    assert.equal(await page.inputValue('#headline'), 'Développeuse WordPress et accessibilité');
    assert.match(await page.innerText('#summary'), /Design UX/);

    // exports it as a JSON file
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    assert.match(download.suggestedFilename(), /^socialdeclik-profil-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(exported.email, freelancer);
    assert.equal(exported.headline, 'Développeuse WordPress et accessibilité');
    assert.deepEqual(exported.skills, ['WordPress', 'UX design']);

    // an organisation submits a mission
    await page.goto(`${stack.web}/mission`);
    await fillMission(page, { title, email: organisation });
    await page.click('button[type=submit]');
    assert.match(await notice(page), /Merci, votre mission est bien reçue[\s\S]*relire/);

    // an admin sees it and approves it
    const review = await stack.email((e) => e.text.includes('/review?') && e.text.includes(title),
      { what: 'review email' });
    await page.goto(stack.link(review, '/review'));
    await page.locator('#mission-view h2').waitFor();
    assert.equal(await page.innerText('#mission-view h2'), title);
    assert.match(await page.innerText('#mission-view'), new RegExp(organisation.replace(/\./g, '\\.')));
    assert.match(await page.innerText('#mission-view'), /En attente de relecture/);
    await checkAccessibility(page, 'review');
    await page.check('#decision-APPROVE');
    await page.click('button[type=submit]');
    assert.match(await notice(page), /Mission publiée/);

    // matching proposes it to the freelancer, who is interested
    const proposal = await stack.email((e) => e.to.includes(freelancer) && e.text.includes('/interest?'),
      { what: 'proposal email' });
    await page.goto(stack.link(proposal, '/interest'));
    await checkAccessibility(page, 'interest');
    await page.click('button[type=submit]');
    assert.match(await notice(page), /C’est transmis/);
    await stack.email((e) => e.to.includes(organisation) && e.text.includes('Ana'),
      { what: "email to the organisation with the freelancer's contact" });

    // and unsubscribes
    await page.goto(stack.link(proposal, '/unsubscribe'));
    await checkAccessibility(page, 'unsubscribe');
    await page.click('button[type=submit]');
    assert.match(await notice(page), /désabonné/);

    // the organisation closes its mission
    const confirmation = await stack.email((e) => e.to.includes(organisation) && e.text.includes('/manage-mission?'),
      { what: 'mission confirmation email' });
    await page.goto(stack.link(confirmation, '/manage-mission'));
    await page.locator('#mission-view h2').waitFor();
    assert.match(await page.innerText('#mission-view'), /Publiée/);
    await checkAccessibility(page, 'manage-mission');
    await page.check('#outcome-FILLED_HERE');
    await page.click('button[type=submit]');
    assert.match(await notice(page), /Mission close/);
    await page.goto(stack.link(confirmation, '/manage-mission'));
    await page.locator('#mission-view h2').waitFor();
    assert.match(await page.innerText('#mission-view'), /Pourvue grâce à Social Declik/, 'the view shows the outcome');
    await page.click('button[type=submit]');
    await page.locator('#error-summary .notice').waitFor();
    assert.match(await page.innerText('#error-summary'), /Conflit|close/, 'closing twice is refused');
  });

  // later, in another browser: the freelancer asks for a sign-in link and deletes the profile
  await withPage(browser, t, async (page) => {
    await page.goto(`${stack.web}/me`);
    await page.locator('#signin').waitFor();
    await page.fill('#signin-email', freelancer);
    await page.click('#signin-form button[type=submit]');
    assert.match(await notice(page), /Regardez votre boîte mail/);
    const signIn = await stack.email((e) => e.to.includes(freelancer) && e.subject.startsWith('Votre lien pour gérer'),
      { what: 'sign-in email' });
    await page.goto(stack.link(signIn, '/me'));
    await page.locator('#profile').waitFor();
    assert.equal(new URL(page.url()).search, '', 'the token leaves the address bar');
    assert.match(await page.innerText('#summary'), /désabonné/);

    // the past proposals, and the switch back on
    assert.match(await page.innerText('#proposals'), new RegExp(`${title}, proposée le .*vous vous êtes dit·e intéressé·e`));
    assert.match(await page.innerText('#subscription-state'), /ne recevez plus de propositions/);
    await page.click('#subscription');
    assert.match(await notice(page), /Vous recevrez à nouveau les missions/);
    assert.doesNotMatch(await page.innerText('#summary'), /désabonné/);
    assert.equal(await page.innerText('#subscription'), 'Ne plus recevoir de propositions');
    await checkAccessibility(page, 'me with proposals');

    await page.click('#delete');
    assert.equal(await page.isVisible('#delete-dialog'), true);
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Annuler',
      'the safe choice has the focus');
    await page.keyboard.press('Escape');
    assert.equal(await page.isVisible('#delete-dialog'), false, 'Escape cancels');
    await page.click('#delete');
    await page.click('#delete-confirm');
    await page.locator('#status .notice', { hasText: 'Profil supprimé' }).waitFor(); // not the switch's notice
    assert.match(await notice(page), /Profil supprimé/);
    assert.equal(await page.isHidden('#profile'), true);

    await page.reload();
    await page.locator('#signin').waitFor();
    assert.equal(await page.isHidden('#profile'), true, 'the token is forgotten');
  });

  const answer = await fetch(`${stack.api}/_local/emails`);
  assert.equal(answer.status, 200);
});

test('how often: the profile form and /me offer one email per mission or a Monday digest, in French and English', async (t) => {
  const freelancer = `hebdo.${unique()}@example.org`;
  await withPage(browser, t, async (page) => {
    await page.goto(`${stack.web}/profile`);
    assert.equal(await page.isChecked('#proposalFrequency-IMMEDIATE'), true, 'as before unless chosen');
    await fillProfile(page, { email: freelancer });
    await page.check('#proposalFrequency-WEEKLY');
    await checkAccessibility(page, 'profile with the frequency chosen');
    await page.click('button[type=submit]');
    assert.match(await notice(page), /Vérifiez votre boîte mail/);
    const verification = await stack.email((e) => e.to.includes(freelancer) && e.text.includes('/verify?'),
      { what: 'verification email' });
    await page.goto(stack.link(verification, '/verify'));
    await page.click('button[type=submit]');
    await page.click('#to-profile');
    await page.locator('#profile').waitFor();
    assert.equal(await page.isChecked('#proposalFrequency-WEEKLY'), true);
    assert.match(await page.innerText('#summary'), /Le lundi à 8 h/);
    // back to one email per mission, from /me
    await page.check('#proposalFrequency-IMMEDIATE');
    await page.click('#profile-form button[type=submit]');
    assert.match(await notice(page), /Profil enregistré/);
    assert.match(await page.innerText('#summary'), /Dès leur publication/);
    await page.click('[data-lang-switch]');
    assert.match(await page.innerText('[data-field="proposalFrequency"] legend'), /The missions that fit you are sent to you/);
    assert.match(await page.innerText('label[for="proposalFrequency-WEEKLY"]'), /Monday at 8 a\.m\. \(Paris time\)/);
    assert.match(await page.innerText('#summary'), /As soon as published/);
    await checkAccessibility(page, 'me with the frequency (en)');
  });
});

test('a token page opened without its token says so, and a used link says why', async (t) => {
  await withPage(browser, t, async (page) => {
    await page.goto(`${stack.web}/review?token=abc`);
    await page.locator('#error-summary .notice').waitFor();
    assert.match(await page.innerText('#error-summary'), /Lien incomplet/);
    assert.equal(await page.isHidden('#action-form'), true);

    await page.goto(`${stack.web}/verify?token=not-a-real-token`);
    await page.click('button[type=submit]');
    await page.locator('#error-summary .notice').waitFor();
    assert.match(await page.innerText('#error-summary'), /Lien invalide ou expiré/);
    assert.equal(await page.isVisible('#error-summary a[href="/me"]'), true, 'it offers a sign-in link');
  });
});

test('the forms work on a phone, with the keyboard alone', async (t) => {
  await withPage(browser, t, async (page) => {
    await page.goto(`${stack.web}/profile`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, 'no sideways scrolling at 375 px');
    // the skip link comes first and leads to the content
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
    await page.keyboard.press('Enter');
    // a skill added with the keyboard, removed with the keyboard
    await page.focus('#skills');
    await page.keyboard.type('SEO');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#skills-chips li').count(), 1);
    await page.keyboard.press('Tab'); // the Add button
    await page.keyboard.press('Tab'); // the chip's remove button
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Retirer SEO');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#skills-chips li').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'skills', 'the focus goes back to the input');
    // focus is visible
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none');
  }, { viewport: { width: 375, height: 740 } });
});

process.on('exit', (code) => {
  if (code !== 0 && stack) {
    process.stderr.write(`\n--- last lines of the local stack's log (${stack.logPath}) ---\n${tail(stack.logPath)}\n`);
  }
});
