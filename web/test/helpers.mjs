// What the browser tests share: dates, unique names, filling the mission form, reading a notice.
import assert from 'node:assert/strict';

export function isoDate(daysFromNow) {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Types an item into a list field (skills, causes) and adds it with Enter. */
export async function addItems(page, field, items) {
  for (const item of items) {
    await page.fill(`#${field}`, item);
    await page.press(`#${field}`, 'Enter');
  }
}

export async function fillMission(page, { title, email, skills = ['WordPress'] }) {
  await page.fill('#title', title);
  await page.fill('#description', 'Notre site date de 2015 : il faut le refaire, accessible et léger.');
  await addItems(page, 'skills', skills);
  await addItems(page, 'causes', ['environnement']);
  await page.fill('#organization-name', 'Les Jardins Partagés');
  await page.selectOption('#organization-type', 'ASSOCIATION');
  await page.fill('#organization-email', email);
  await page.fill('#organization-website', 'https://jardins.example');
  await page.check('#workMode-REMOTE');
  await page.fill('#budget', '3000');
  await page.fill('#estimatedDays', '6');
  await page.fill('#startDate', isoDate(60));
  await page.fill('#applicationDeadline', isoDate(30));
}

/** The text of the success (or info) notice, once it is shown and has the focus. */
export async function notice(page) {
  const box = page.locator('#status .notice');
  await box.waitFor();
  assert.equal(await box.evaluate((el) => el === document.activeElement), true, 'the notice takes the focus');
  return box.innerText();
}
