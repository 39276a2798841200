import { afterEach, describe, expect, it } from 'vitest';
import { BOT, type SlackHarness, startSlackHarness } from './harness.ts';

// `npm start` knows the bot token but not the bot's ids: they come from auth.test. Bolt's own lookup runs
// auth.test before every request (every channel message, command and click), so the adapter does it once.
describe('Slack bot identity (auth.test)', () => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const mention = (ts: string) =>
    h!.event('event-app-mention', { ts, text: `<@${BOT.botUserId}> networking` }, { event_id: `Ev${ts}` });
  const answerIn = (ts: string) =>
    h!.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts, `answer in ${ts}`);

  it('is looked up once for the whole process, not before every request', async () => {
    h = await startSlackHarness({ identity: 'looked-up' });
    const threads = ['1765000000.000100', '1765000100.000100', '1765000200.000100'];
    for (const ts of threads) {
      await mention(ts);
      await answerIn(ts);
    }
    const { respond } = await h.command('help');
    await h.fake.waitFor((c) => c.method === respond, 'command answer');
    expect(h.fake.of('auth.test')).toHaveLength(1);
    // The looked-up user id is in use: a message that mentions the bot is left to app_mention.
    await h.event('event-message', {
      text: `<@${BOT.botUserId}> why?`,
      ts: '1765000000.000900',
      thread_ts: threads[0],
    });
    await h.logs.waitFor((l) => l.fields?.reason === 'mention (answered as app_mention)', 'mention decision');
    expect(h.fake.of('auth.test')).toHaveLength(1);
  });

  it('looks up again after a failed lookup, instead of failing every request', async () => {
    h = await startSlackHarness({
      identity: 'looked-up',
      // The startup check meets a Slack hiccup; Slack answers normally afterwards.
      beforeStart: (fake) =>
        fake.on('auth.test', (_body, n) =>
          n === 1
            ? { json: { ok: false, error: 'fatal_error' } }
            : { json: { ok: true, user_id: BOT.botUserId, bot_id: BOT.botId } },
        ),
    });
    await h.logs.waitFor((l) => /SLACK_BOT_TOKEN was rejected \(fatal_error\)/.test(l.message), 'startup');
    await mention('1765000400.000100');
    await answerIn('1765000400.000100');
    await mention('1765000500.000100');
    await answerIn('1765000500.000100');
    expect(h.fake.of('auth.test')).toHaveLength(2);
  });
});
