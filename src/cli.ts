// Command-line surface: `ask` answers one question, `chat` keeps one thread going (REPL or piped lines).
// Platform previews (`--slack`) are plugged in by adapters/cli.ts, so this file knows no platform.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { createBrain } from './brain.ts';
import { ConfigError, loadConfig } from './config.ts';
import { renderText, toJsonAnswer } from './core/render-text.ts';
import type { Reply } from './core/types.ts';
import type { Store } from './state/store.ts';

/** Renders a reply the way a chat platform would send it: what to print, and an optional hint for stderr. */
export interface CliPreview {
  flag: string;
  describe: string;
  render(reply: Reply, store: Store): Promise<{ stdout: string; stderr?: string }>;
}

function usage(previews: CliPreview[]): string {
  return [
    'Usage:',
    '  npm run ask -- [--json] "question"     one answer (plain text, or one JSON object with --json)',
    ...previews.map((p) => `  npm run ask -- --${p.flag} "question"`.padEnd(41) + p.describe),
    '  npm run chat -- [--json]               a conversation in one thread; piped stdin = one message per line',
  ].join('\n');
}

interface Options {
  json: boolean;
  preview?: CliPreview;
  rest: string[];
}

function parseArgs(argv: string[], previews: CliPreview[]): Options {
  const rest: string[] = [];
  let json = false;
  let preview: CliPreview | undefined;
  for (const arg of argv) {
    const asked = previews.find((p) => arg === `--${p.flag}`);
    if (arg === '--json') json = true;
    else if (asked) preview = asked;
    else if (arg === '--help' || arg === '-h') {
      console.log(usage(previews));
      process.exit(0);
    } else rest.push(arg);
  }
  return { json, preview, rest };
}

function print(reply: Reply, json: boolean): void {
  process.stdout.write(json ? `${JSON.stringify(toJsonAnswer(reply))}\n` : `${renderText(reply)}\n`);
}

// `npm run ask ... | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

async function main(previews: CliPreview[]): Promise<number> {
  const [command, ...argv] = process.argv.slice(2);
  const options = parseArgs(argv, previews);
  const USAGE = usage(previews);
  // The CLI keeps its thread in this process, so it always uses the memory store.
  const config = { ...loadConfig(), STATE_STORE: 'memory' as const };
  const { handler, store } = createBrain(config);
  const threadKey = `cli:${randomUUID()}`;

  if (command === 'ask') {
    const question = options.rest.join(' ').trim();
    if (!question) {
      console.error(`Please give a question.\n${USAGE}`);
      return 2;
    }
    const reply = await handler.handle({ text: question, userId: 'cli', threadKey });
    if (options.preview) {
      const out = await options.preview.render(reply, store);
      process.stdout.write(out.stdout);
      if (out.stderr) process.stderr.write(out.stderr);
      return 0;
    }
    print(reply, options.json);
    return 0;
  }
  if (command === 'chat') {
    const interactive = process.stdin.isTTY === true && !options.json;
    const rl = createInterface({ input: process.stdin, terminal: interactive });
    if (interactive) {
      console.log(
        'ecs-vs-eks chat: ask about ECS vs EKS, follow up in the same thread. Ctrl+D or "exit" to leave.',
      );
      rl.setPrompt('you> ');
      rl.prompt();
    }
    for await (const line of rl) {
      const text = line.trim();
      if (interactive && /^(exit|quit|bye)$/i.test(text)) break;
      if (text) {
        const reply = await handler.handle({ text, userId: 'cli', threadKey });
        print(reply, options.json);
        if (!options.json) process.stdout.write('\n');
      }
      if (interactive) rl.prompt();
    }
    return 0;
  }
  console.error(USAGE);
  return 2;
}

/** Runs `ask` or `chat` from process.argv; exits with 0, 2 for usage errors, 1 for failures. */
export function runCli(previews: CliPreview[] = []): void {
  main(previews).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // Users get a one-line reason, never a stack trace.
      const message =
        err instanceof ConfigError ? err.message : `Something went wrong: ${(err as Error).message}`;
      console.error(message);
      process.exitCode = 1;
    },
  );
}
