// npm run playground:check (opt-in, not part of npm test): drives the real Agents Playground in headless
// Chromium through the whole Teams flow and saves a screenshot per step in dist/playground-check/.
// Needs a system Chromium (Debian: apt-get install chromium); pass another path as the first argument.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { startPlayground } from './playground.ts';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const OUT = join(ROOT, 'dist', 'playground-check');
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

class Flow {
  private step = 0;
  constructor(private readonly page: Page) {}

  /** Runs `action`, then waits until one more element than before shows `text`. */
  async expectNew(text: string, action: () => Promise<void>): Promise<void> {
    const matches = this.page.getByText(text, { exact: false });
    const before = await matches.count();
    await action();
    const deadline = Date.now() + 15_000;
    while ((await matches.count()) <= before) {
      if (Date.now() > deadline) throw new Error(`"${text}" did not appear`);
      await this.page.waitForTimeout(200);
    }
  }

  async say(text: string, editorIndex = 0): Promise<void> {
    await this.page.locator('[data-lexical-editor="true"]').nth(editorIndex).click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** In a channel: "@Test Bot <text>" through the Playground's mention picker. */
  async mention(text: string, editorIndex: number, send: () => Promise<void>): Promise<void> {
    await this.page.locator('[data-lexical-editor="true"]').nth(editorIndex).click();
    await this.page.keyboard.type('@');
    await this.page.getByRole('menuitem', { name: 'Test Bot' }).click();
    await this.page.keyboard.type(` ${text}`);
    await send();
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true }).last();
  }

  async shot(name: string, ok: string): Promise<void> {
    this.step++;
    const file = join(OUT, `${String(this.step).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    console.log(`  ok  ${ok}  (${file.slice(ROOT.length + 1)})`);
  }
}

async function run(url: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.argv[2] ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    const flow = new Flow(page);

    await page.getByText('Commands', { exact: true }).first().waitFor({ timeout: 15_000 });
    await flow.shot('welcome', 'welcome card on install (personal chat)');

    await flow.expectNew('Amazon ECS vs Amazon EKS at a glance', () => flow.say('ecs vs eks'));
    await flow.shot('overview', 'overview card');

    const links = page.locator('.ac-adaptiveCard a');
    const before = await links.count();
    await page
      .getByRole('button', { name: /^\d+ more sources$/ })
      .last()
      .click();
    await page.waitForTimeout(300);
    if ((await links.count()) < before + 20)
      throw new Error('the "more sources" toggle did not show the sources');
    await flow.shot('sources', '"more sources" expands the rest of the cited sources');

    await flow.expectNew('Control plane: shared regional', () => flow.button('Control plane').click());
    await flow.shot('topic-button', 'topic button (Action.Submit) answered');

    await flow.expectNew('Why: Control plane', () => flow.say('why?'));
    await flow.shot('follow-up', 'follow-up "why?" used the thread context');

    await flow.expectNew('Estimate the monthly cost of ECS vs EKS', () =>
      flow.button('Estimate cost').click(),
    );
    const memory = page.getByLabel('Memory per task/pod (GB)').last();
    await memory.fill('16');
    await flow.expectNew('16 GB is not valid with 0.5 vCPU', () => flow.button('Estimate').click());
    await flow.shot('form-invalid', 'cost form: server-side error shown under the field');

    await page.getByLabel('Tasks or pods').last().fill('10');
    await page.getByLabel('vCPU per task/pod').last().fill('1');
    await memory.fill('2');
    await flow.expectNew('Monthly cost estimate: ECS vs EKS', () => flow.button('Estimate').click());
    await page.getByText('Priced: the estimate is below').first().waitFor({ timeout: 10_000 });
    await flow.shot('form-valid', 'cost form: valid values priced, form updated in place');

    await flow.expectNew('What changed', () => flow.say('make it 20 tasks'));
    await flow.shot('what-if', 'what-if follow-up re-priced the form estimate');

    await flow.expectNew('ecs-vs-eks-estimate-us-east-1.csv', () => flow.button('Export CSV').click());
    await flow.expectNew('Thanks for the feedback', () => flow.button('👍').click());
    await flow.shot('export-feedback', 'CSV export and 👍 feedback');

    await page.getByText('General', { exact: true }).click();
    await flow.expectNew('Networking: awsvpc tasks vs VPC CNI pods', () =>
      flow.mention('compare networking', 0, () => flow.button('Post').click()),
    );
    await flow.expectNew('Why: Networking', () =>
      flow.mention('why?', 1, () => page.keyboard.press('Enter')),
    );
    await flow.shot(
      'channel-thread',
      'channel: @mention answered in the thread, follow-up in the same thread',
    );

    await page.getByText('Personal Chat', { exact: true }).click();
    await flow.expectNew('Post to a channel', () => flow.button('Post to channel').click());
    await page.getByRole('combobox').last().click();
    await page.getByRole('option', { name: 'My Team › General' }).click();
    await flow.expectNew('Posted to My Team › General', () => flow.button('Post').click());
    await flow.shot('picker', 'personal chat: channel picker posted the answer');

    await page.getByText('General', { exact: true }).click();
    await page.getByText('Monthly cost estimate: ECS vs EKS').first().waitFor({ timeout: 10_000 });
    await flow.shot('posted', 'the estimate is a new top-level post in General');
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const pg = await startPlayground({ botPort: await freePort(), playgroundPort: await freePort() });
  console.log(`Agents Playground at ${pg.url}, bot at ${pg.botUrl}`);
  try {
    await run(pg.url);
    console.log('playground check passed');
  } finally {
    await pg.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`playground check failed: ${(err as Error).message}`);
  process.exit(1);
});
