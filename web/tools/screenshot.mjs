// The README's picture of the two forms (docs/web-forms.png): starts the local stack, fills the
// mission and profile forms in headless Chromium (tools/chromium.mjs), and puts the two side by side.
//   node web/tools/screenshot.mjs   (after make build web-build web-deps emulator)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './chromium.mjs';
import { ROOT, startStack } from '../test/stack.mjs';

const out = join(ROOT, 'docs/web-forms.png');
const stack = await startStack();
const browser = await launch();
try {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 760, height: 1500 } });
  const page = await context.newPage();
  const add = async (field, items) => {
    for (const item of items) {
      await page.fill(`#${field}`, item);
      await page.press(`#${field}`, 'Enter');
    }
  };

  await page.goto(`${stack.web}/mission`);
  await page.fill('#title', 'Refonte du site WordPress de l’association');
  await page.fill('#description', 'Notre site date de 2015 : nous voulons un site accessible, léger et facile à mettre à jour par les bénévoles.');
  await add('skills', ['WordPress', 'Accessibilité numérique (RGAA / WCAG)']);
  await add('causes', ['Environnement et transition écologique']);
  await page.fill('#organization-name', 'Les Jardins Partagés');
  await page.selectOption('#organization-type', 'ASSOCIATION');
  await page.fill('#organization-email', 'contact@jardins.example');
  await page.locator('#skills').focus();
  const mission = await page.screenshot({ clip: { x: 0, y: 0, width: 760, height: 1400 } });

  await page.goto(`${stack.web}/profile`);
  await page.fill('#firstName', 'Ana');
  await page.fill('#lastName', 'Martin');
  await page.fill('#email', 'ana.martin@example');
  await page.fill('#headline', 'Développeuse WordPress et accessibilité');
  await add('skills', ['WordPress', 'référencement naturel']);
  await page.click('#profile-form button[type=submit]');
  await page.locator('#error-summary .notice').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  const profile = await page.screenshot({ clip: { x: 0, y: 0, width: 760, height: 1400 } });

  const composer = await browser.newPage({ viewport: { width: 1560, height: 1440 } });
  const image = (png) => `data:image/png;base64,${png.toString('base64')}`;
  await composer.setContent(`<!doctype html><html><body style="margin:0;background:#d9d5e0;display:flex;gap:20px;padding:20px">
    <img src="${image(mission)}" width="760" height="1400" style="box-shadow:0 2px 10px rgba(0,0,0,.25)">
    <img src="${image(profile)}" width="760" height="1400" style="box-shadow:0 2px 10px rgba(0,0,0,.25)">
  </body></html>`);
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  await composer.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await stack.stop();
}
