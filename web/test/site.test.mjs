// The site as built, checked without a browser: every page well formed for the CSP and for
// accessibility basics, every text translated, the vocabulary generated from matching's own data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGLISH, MESSAGES } from '../src/assets/js/i18n.js';
import { ROOT, WEB_DIR } from './stack.mjs';

const PAGES = ['index', 'mission', 'profile', 'verify', 'me', 'review', 'manage-mission', 'interest', 'unsubscribe', 'availability', 'admin', '404'];
const API = 'https://abc123.execute-api.eu-west-3.amazonaws.com';

function build(args) {
  const out = mkdtempSync(join(tmpdir(), 'socialdeclik-web-'));
  execFileSync('python3', [join(WEB_DIR, 'build.py'), '--out', out, ...args], { stdio: 'pipe' });
  return out;
}

test('the build writes every page, the setting and the vocabulary', (t) => {
  const out = build(['--api-url', `${API}/`, '--meta-csp']);
  t.after(() => rmSync(out, { recursive: true, force: true }));
  const files = readdirSync(out);
  for (const page of PAGES) assert.ok(files.includes(`${page}.html`), `${page}.html`);
  assert.match(readFileSync(join(out, 'config.js'), 'utf8'), new RegExp(`export const apiBaseUrl = "${API}";`));
  for (const page of PAGES) {
    const html = readFileSync(join(out, `${page}.html`), 'utf8');
    assert.doesNotMatch(html, /<!--\s*include:/, `${page}: an include was left`);
    assert.match(html, new RegExp(`<meta http-equiv="Content-Security-Policy" content="[^"]*connect-src 'self' ${API}[;"]`),
      `${page}: CSP meta naming the API`);
  }
});

test('vocab.json is generated from the vocabularies matching uses, term for term', (t) => {
  const out = build([]);
  t.after(() => rmSync(out, { recursive: true, force: true }));
  const vocab = JSON.parse(readFileSync(join(out, 'vocab.json'), 'utf8'));
  const source = (name) => JSON.parse(readFileSync(join(ROOT, 'shared/src/main/resources/vocab', name), 'utf8'));
  for (const kind of ['skills', 'causes']) {
    assert.deepEqual(vocab[kind], source(`${kind}.json`).map(({ id, fr, en }) => ({ id, fr, en })), kind);
  }
  assert.equal(vocab.departments.length, source('places.json').departments.length);
  assert.ok(vocab.departments.some((d) => d.code === '35' && d.name === 'Ille-et-Vilaine' && d.region === 'Bretagne'));
});

test('pages carry nothing the Content-Security-Policy forbids and nothing from elsewhere', (t) => {
  const out = build([]);
  t.after(() => rmSync(out, { recursive: true, force: true }));
  for (const page of PAGES) {
    const html = readFileSync(join(out, `${page}.html`), 'utf8');
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, `${page}: inline script`);
    assert.doesNotMatch(html, /<style/i, `${page}: inline style element`);
    assert.doesNotMatch(html, /\sstyle="/i, `${page}: style attribute`);
    assert.doesNotMatch(html, /\son[a-z]+="/i, `${page}: event handler attribute`);
    assert.doesNotMatch(html, /\s(src|href)="(https?:)?\/\//i, `${page}: a file from another site`);
    assert.match(html, /<html lang="fr">/, `${page}: lang`);
    assert.equal((html.match(/<h1[\s>]/g) || []).length, 1, `${page}: one h1`);
    assert.equal((html.match(/<main[\s>]/g) || []).length, 1, `${page}: one main`);
    assert.match(html, /<title[^>]*>[^<]+<\/title>/, `${page}: title`);
  }
});

test('every control of the forms has a label and a name', (t) => {
  const out = build([]);
  t.after(() => rmSync(out, { recursive: true, force: true }));
  for (const page of PAGES) {
    const html = readFileSync(join(out, `${page}.html`), 'utf8');
    for (const [control] of html.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
      const id = /\bid="([^"]+)"/.exec(control)?.[1];
      assert.ok(id, `${page}: a control without id: ${control}`);
      assert.match(control, /\bname="[^"]+"/, `${page}: #${id} has no name`);
      assert.ok(html.includes(`for="${id}"`), `${page}: #${id} has no label`);
    }
  }
});

test('every text of the pages has its English, and every text the scripts write both languages', () => {
  const sources = [...readdirSync(join(WEB_DIR, 'src')).filter((f) => f.endsWith('.html')).map((f) => join(WEB_DIR, 'src', f)),
    ...readdirSync(join(WEB_DIR, 'src/partials')).map((f) => join(WEB_DIR, 'src/partials', f))];
  const used = new Set();
  for (const file of sources) {
    const html = readFileSync(file, 'utf8');
    for (const [, key] of html.matchAll(/data-i18n="([^"]+)"/g)) used.add(key);
    for (const [, pairs] of html.matchAll(/data-i18n-attr="([^"]+)"/g)) {
      for (const pair of pairs.split(';')) used.add(pair.split(':')[1].trim());
    }
  }
  for (const key of used) {
    assert.ok(ENGLISH[key] !== undefined || MESSAGES[key] !== undefined, `no English for ${key}`);
  }
  for (const [key, pair] of Object.entries(MESSAGES)) {
    assert.equal(pair.length, 2, key);
    assert.ok(pair[0] && pair[1], `${key} needs French and English`);
    if (ENGLISH[key] !== undefined) assert.equal(ENGLISH[key], pair[1], `${key}: two different English texts`);
  }
  const scripts = readdirSync(join(WEB_DIR, 'src/assets/js')).map((f) => readFileSync(join(WEB_DIR, 'src/assets/js', f), 'utf8')).join('\n');
  for (const [, key] of scripts.matchAll(/\bt\('([^']+)'/g)) {
    assert.ok(MESSAGES[key] !== undefined, `scripts use ${key}, which has no French and English pair`);
  }
  for (const key of Object.keys(ENGLISH)) {
    assert.ok(used.has(key), `English for ${key}, which no page uses`);
  }
});
