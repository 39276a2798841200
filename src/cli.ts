// Command-line surface: `ask` answers one question, `chat` keeps one thread going (REPL or piped lines).
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { createBrain } from './brain.ts';
import { ConfigError, loadConfig } from './config.ts';
import { renderText, toJsonAnswer } from './core/render-text.ts';
import { saveReply } from './core/reply-store.ts';
import type { Reply } from './core/types.ts';

const USAGE = `Usage:
  npm run ask -- [--json] "question"     one answer (plain text, or one JSON object with --json)
  npm run ask -- --slack "question"      the Block Kit payload the Slack app would send + a Block Kit Builder link
  npm run chat -- [--json]               a conversation in one thread; piped stdin = one message per line`;

interface Options {
  json: boolean;
  slack: boolean;
  rest: string[];
}

function parseArgs(argv: string[]): Options {
  const rest: string[] = [];
  let json = false;
  let slack = false;
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg === '--slack') slack = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else rest.push(arg);
  }
  return { json, slack, rest };
}

function print(reply: Reply, json: boolean): void {
  process.stdout.write(json ? `${JSON.stringify(toJsonAnswer(reply))}\n` : `${renderText(reply)}\n`);
}

// `npm run ask ... | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

async function main(): Promise<number> {
  const [command, ...argv] = process.argv.slice(2);
  const options = parseArgs(argv);
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
    if (options.slack) {
      // The one place the CLI knows a platform: previewing the Slack card without a workspace.
      const { slackPreview } = await import('../adapters/slack/preview.ts');
      const preview = slackPreview(reply, await saveReply(store, reply));
      process.stdout.write(`${JSON.stringify(preview.payload, null, 2)}\n`);
      process.stderr.write(`\nOpen it in Slack's Block Kit Builder:\n${preview.builderUrl}\n`);
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

main().then(
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
