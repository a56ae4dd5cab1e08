// The email gallery's pictures: every HTML email listed in <folder>/emails.json, opened in
// headless Chromium at phone width (390 px), saved whole as <name>.<lang>.png beside it.
//   cd web && node tools/email-shots.mjs dist/emails      (make emails runs it)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../test/browser.mjs';

const folder = resolve(process.argv[2] || 'dist/emails');
const listed = JSON.parse(readFileSync(join(folder, 'emails.json'), 'utf8'));
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  for (const email of listed) {
    await page.goto(pathToFileURL(join(folder, email.html)).href);
    const png = email.html.replace(/\.html$/, '.png');
    await page.screenshot({ path: join(folder, png), fullPage: true });
  }
  console.log(`email gallery: ${listed.length} pictures at 390 px in ${folder}`);
} finally {
  await browser.close();
}
