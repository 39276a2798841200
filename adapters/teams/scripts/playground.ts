// npm run playground: the bot in Teams local mode plus the Microsoft 365 Agents Playground, an offline Teams
// emulator that renders the real Adaptive Cards. No Slack app, Azure bot or tunnel needed.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../src/config.ts';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const PLAYGROUND_CLI = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');

export interface Playground {
  /** Open this in a browser. */
  url: string;
  botUrl: string;
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  botPort: number;
  playgroundPort: number;
  /** Echo the children's output (the interactive command does; the browser check does not). */
  verbose?: boolean;
}

/**
 * The Playground quits when it cannot open a browser. Without a desktop session, a do-nothing `xdg-open`
 * first on PATH lets it run; the URL is printed instead.
 */
function headlessPath(env: NodeJS.ProcessEnv, dir: string): string | undefined {
  const hasDesktop = process.platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  if (hasDesktop) return env.PATH;
  const shim = join(dir, 'xdg-open');
  writeFileSync(shim, '#!/bin/sh\n# no desktop: the URL is printed instead\nexit 0\n');
  chmodSync(shim, 0o755);
  return `${dir}:${env.PATH ?? ''}`;
}

async function waitFor(url: string, child: ChildProcess, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited early (code ${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not come up at ${url} within ${timeoutMs / 1000} s`);
}

function listeningPort(child: ChildProcess, timeoutMs = 30_000): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('The Agents Playground did not start')), timeoutMs);
    child.once('exit', (code) => reject(new Error(`The Agents Playground exited early (code ${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-2000);
      const match = /Listening on (\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const stdio = options.verbose ? 'inherit' : 'ignore';
  // The bot exactly as `npm start` runs it, forced into Teams local mode: the Playground sends no tokens.
  const botEnv = {
    ...process.env,
    PORT: String(options.botPort),
    HOST: '127.0.0.1',
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppTenantId: '',
    MicrosoftAppType: 'MultiTenant',
    TEAMS_ENABLED: 'true',
    NODE_ENV: 'development',
  };
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const bot = spawn(tsx, [join(ROOT, 'adapters', 'main.ts')], { cwd: ROOT, env: botEnv, stdio });
  const botUrl = `http://127.0.0.1:${options.botPort}`;
  try {
    await waitFor(`${botUrl}/readyz`, bot, 'The bot');
  } catch (err) {
    await stopChild(bot);
    throw new Error(
      `${(err as Error).message}. Is port ${options.botPort} free? Set PORT to use another one.`,
    );
  }

  // The Playground's log folder (devTools/) and the xdg-open shim live in a temp dir, removed on stop.
  const scratch = mkdtempSync(join(tmpdir(), 'playground-'));
  const playground = spawn(
    process.execPath,
    [
      PLAYGROUND_CLI,
      'start',
      '--app-endpoint',
      `${botUrl}/api/messages`,
      '--channel-id',
      'msteams',
      '--port',
      String(options.playgroundPort),
      '--disable-telemetry',
    ],
    {
      cwd: scratch,
      env: { ...process.env, PATH: headlessPath(process.env, scratch) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (options.verbose) {
    playground.stdout?.pipe(process.stdout);
    playground.stderr?.pipe(process.stderr);
  } else {
    playground.stderr?.resume();
  }
  const stop = async () => {
    await Promise.all([stopChild(playground), stopChild(bot)]);
    rmSync(scratch, { recursive: true, force: true });
  };
  let url: string;
  try {
    // It falls back to a random port when the one asked for is taken, and says so: "Listening on <port>".
    const port = await listeningPort(playground);
    url = `http://localhost:${port}`;
    await waitFor(url, playground, 'The Agents Playground');
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, botUrl, stop };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const pg = await startPlayground({
    botPort: config.PORT,
    playgroundPort: 56150,
    verbose: true,
  });
  console.log('');
  console.log(`  Microsoft 365 Agents Playground: ${pg.url}`);
  console.log(`  bot (Teams local mode):          ${pg.botUrl}/api/messages`);
  console.log('');
  console.log('  Open the Playground URL in a browser. Try "ecs vs eks", a follow-up such as "why?",');
  console.log('  the topic buttons, and "Estimate cost". Ctrl+C stops both.');
  const stop = () => {
    pg.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(`playground: ${(err as Error).message}`);
    process.exit(1);
  });
}
