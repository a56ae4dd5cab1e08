// Starts the real local stack for the browser tests: the local runner (local/target) with its
// own moto, the API and the web app each on a free 127.0.0.1 port, moderation on. Its output
// goes to test-results/stack-<n>.log.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, openSync, readFileSync, closeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = resolve(WEB_DIR, '..');
export const RESULTS = join(WEB_DIR, 'test-results');

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

function need(path, hint) {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: ${hint}`);
  }
}

const sleep = (ms) => new Promise((ok) => { setTimeout(ok, ms); });

let started = 0;

/** Starts a stack; resolves once /_local/health is UP. */
export async function startStack({ moderation = 'on', timeoutMs = 180_000 } = {}) {
  const jar = join(ROOT, 'local/target/local-runner.jar');
  const classpathFile = join(ROOT, 'local/target/classpath.txt');
  const moto = join(ROOT, 'local/emulator/moto-server'); // the project's emulator launcher (README)
  need(jar, 'build the local runner first (make build)');
  need(classpathFile, 'build the local runner first (make build)');
  need(join(WEB_DIR, 'dist/index.html'), 'build the site first (make web-build)');
  if (!process.env.AWS_ENDPOINT_URL) need(join(ROOT, '.venv/emulator/bin/python'), 'create the emulator first (make emulator)');
  mkdirSync(RESULTS, { recursive: true });
  started += 1;
  const logPath = join(RESULTS, `stack-${started}.log`);
  const log = openSync(logPath, 'w');
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java';
  const classpath = `${jar}:${readFileSync(classpathFile, 'utf8').trim()}`;
  const table = `web-test-${process.pid}-${started}`;
  const child = spawn(java, ['-XX:+UseSerialGC', '-cp', classpath, 'org.socialdeclik.local.LocalPlatform',
    '--table', table], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(apiPort),
      WEB_PORT: String(webPort),
      WEB_ROOT: join(WEB_DIR, 'dist'),
      MODERATION: moderation,
      MOTO_SERVER: moto,
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const api = `http://127.0.0.1:${apiPort}`;
  const web = `http://127.0.0.1:${webPort}`;
  const stack = {
    api,
    web,
    logPath,
    async emails() {
      const response = await fetch(`${api}/_local/emails`);
      return response.json();
    },
    /** Waits for an email that satisfies predicate; returns it. */
    async email(predicate, { timeoutMs: wait = 90_000, what = 'an email' } = {}) {
      const deadline = Date.now() + wait;
      for (;;) {
        const found = (await stack.emails()).find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no ${what} within ${wait / 1000} s`);
        await sleep(250);
      }
    },
    /** The first link to a web page of the app in an email's text, e.g. link(email, '/verify'). */
    link(email, path) {
      const escaped = `${web}${path}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const match = new RegExp(`${escaped}\\?[^\\s"'<>]+`).exec(email.text);
      if (!match) throw new Error(`no ${path} link in the email "${email.subject}"`);
      return match[0];
    },
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      for (let i = 0; i < 200 && !exited; i += 1) await sleep(100);
      if (!exited) child.kill('SIGKILL');
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      throw new Error(`the local stack exited (${JSON.stringify(exited)}); see ${logPath}:\n${tail(logPath)}`);
    }
    try {
      const response = await fetch(`${api}/_local/health`);
      if (response.status === 200) return stack;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stack.stop();
      throw new Error(`the local stack was not healthy within ${timeoutMs / 1000} s; see ${logPath}:\n${tail(logPath)}`);
    }
    await sleep(250);
  }
}

export function tail(path, lines = 40) {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
