// The one way this project starts a browser (browser tests, the README's screenshot, email
// rendering): the headless Chromium that the pinned npm package @sparticuz/chromium carries
// inside its tarball, driven by playwright-core. Nothing is downloaded and nothing is taken from
// the system but the C library: the package's Amazon Linux libraries (NSS, NSPR, expat) go on
// LD_LIBRARY_PATH and its fonts (Open Sans) are the only fonts, through a fontconfig file of ours.
//
// The compressed files are inflated once into web/node_modules/.cache/ (npm ci starts afresh):
// into a staging folder first, then renamed into place, so two runs that start at once never
// see half a browser. `node web/tools/chromium.mjs` inflates it and prints the executable.
//
// CHROMIUM=/path/to/chrome replaces the bundled build, for machines it cannot run on (it is
// an x86_64 Linux build); nothing else in the project looks for a browser.
import { chromium } from 'playwright-core';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync,
  rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';
import { extract } from 'tar-fs';

const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The package exports only its JavaScript; its compressed browser is in bin/ beside build/.
const PACKAGE_DIR = resolve(dirname(require.resolve('@sparticuz/chromium')), '..', '..');
const PACKAGE_VERSION = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')).version;
export const BROWSER_DIR = join(WEB_DIR, 'node_modules', '.cache', `chromium-${PACKAGE_VERSION}`);

// Chromium's own background traffic is off: the tests reach nothing but this machine.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const FONTS_CONF = (dir) => `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<!-- Written by web/tools/chromium.mjs: the bundled fonts only, whatever the machine has. -->
<fontconfig>
  <dir>${join(dir, 'fonts')}</dir>
  <cachedir>${join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`;

async function inflate(source, target, { tar }) {
  const input = createReadStream(join(PACKAGE_DIR, 'bin', source));
  const output = tar ? extract(target) : createWriteStream(target, { mode: 0o755 });
  await pipeline(input, createBrotliDecompress(), output);
}

/** Inflates the bundled browser (once) and returns its folder. */
export async function installBrowser() {
  if (existsSync(join(BROWSER_DIR, 'chromium'))) return BROWSER_DIR;
  if (platform() !== 'linux' || arch() !== 'x64') {
    throw new Error(`the bundled Chromium is an x86_64 Linux build and this is ${platform()}/${arch()}: `
      + 'set CHROMIUM to a Chromium or Chrome executable');
  }
  mkdirSync(dirname(BROWSER_DIR), { recursive: true });
  const staging = mkdtempSync(join(dirname(BROWSER_DIR), '.staging-'));
  try {
    await Promise.all([
      inflate('chromium.br', join(staging, 'chromium'), { tar: false }),
      inflate('al2023.tar.br', join(staging, 'al2023'), { tar: true }), // lib/: NSS, NSPR, expat
      inflate('fonts.tar.br', staging, { tar: true }), // fonts/ (and the package's fonts.conf, unused)
    ]);
    writeFileSync(join(staging, 'socialdeclik-fonts.conf'), FONTS_CONF(BROWSER_DIR));
    try {
      renameSync(staging, BROWSER_DIR);
    } catch (error) {
      // Another run renamed its copy first: use that one.
      if (!['ENOTEMPTY', 'EEXIST'].includes(error.code) || !existsSync(join(BROWSER_DIR, 'chromium'))) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return BROWSER_DIR;
}

/** What launch() starts: the executable and the environment it needs. */
export async function browserCommand() {
  if (process.env.CHROMIUM) return { executablePath: process.env.CHROMIUM, env: process.env };
  const dir = await installBrowser();
  const libraries = join(dir, 'al2023', 'lib');
  return {
    executablePath: join(dir, 'chromium'),
    env: {
      ...process.env,
      LD_LIBRARY_PATH: process.env.LD_LIBRARY_PATH ? `${libraries}:${process.env.LD_LIBRARY_PATH}` : libraries,
      FONTCONFIG_FILE: join(dir, 'socialdeclik-fonts.conf'),
    },
  };
}

/** A headless Chromium, as every test and tool of the project starts it. */
export async function launch() {
  const { executablePath, env } = await browserCommand();
  return chromium.launch({ executablePath, env, args: CHROMIUM_ARGS, headless: true });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { executablePath } = await browserCommand();
  console.log(executablePath);
}
