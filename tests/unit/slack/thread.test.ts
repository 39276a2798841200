import { describe, expect, it } from 'vitest';
import { decodeOrigin, decodeValue, encodeValue } from '../../../adapters/slack/ids.ts';
import {
  claimMessage,
  mentions,
  plainText,
  postedKey,
  privateKey,
  threadKey,
} from '../../../adapters/slack/thread.ts';
import { MemoryStore } from '../../../src/state/memory-store.ts';

describe('Slack threads and text', () => {
  it('thread keys follow slack:<team>:<channel>:<thread_ts>', () => {
    expect(threadKey('T1', 'C1', '1700000000.000100')).toBe('slack:T1:C1:1700000000.000100');
    expect(privateKey('T1', 'C1', 'U1')).toBe('slack:T1:C1:user-U1');
    expect(postedKey('T1', 'D1', '1.2')).toBe('slack:T1:D1:dm');
    expect(postedKey('T1', 'C1', '1.2')).toBe('slack:T1:C1:1.2');
    expect(postedKey('T1', 'C1', '1.2', '0.9')).toBe('slack:T1:C1:0.9');
  });

  it('turns Slack markup into what the user meant', () => {
    expect(
      plainText('<@U0BOT> how &amp; why &lt;3 <@U2|bob> in <#C1|ops> see <https://a.io|docs>', 'U0BOT'),
    ).toBe('how & why <3 @bob in #ops see docs');
    expect(plainText('<@U0BOT|ecs-vs-eks>   networking  ', 'U0BOT')).toBe('networking');
    expect(mentions('hey <@U0BOT>', 'U0BOT')).toBe(true);
    expect(mentions('hey <@U0OTHER>', 'U0BOT')).toBe(false);
  });

  it('claims a message once, by event_id and by channel+ts', async () => {
    const store = new MemoryStore();
    const m = { eventId: 'Ev1', channel: 'C1', ts: '1.1' };
    expect(await claimMessage(store, m)).toBe(true);
    expect(await claimMessage(store, m)).toBe(false); // a retry of the same event
    expect(await claimMessage(store, { ...m, eventId: 'Ev2' })).toBe(false); // same message, other event
    expect(await claimMessage(store, { eventId: 'Ev3', channel: 'C1', ts: '1.2' })).toBe(true);
  });
});

describe('button values and modal metadata', () => {
  it('round-trips, and turns anything malformed or forged into nothing', () => {
    const v = {
      k: 'slack:T1:C1:user-U1',
      r: '0b7c3a56-1b7e-4a47-9a51-0d5f0c5d2a11',
      t: '1.2',
      p: 'networking',
    };
    expect(decodeValue(encodeValue(v))).toEqual(v);
    for (const bad of [
      undefined,
      5,
      '',
      '{',
      'null',
      '[]',
      '{"k":"other:thing"}',
      '{"r":"../x"}',
      'x'.repeat(3000),
    ]) {
      expect(decodeValue(bad)).toEqual({});
    }
    expect(decodeOrigin('{"k":"slack:T1:C1:1.2","u":"javascript:alert(1)"}')).toBeUndefined();
    expect(decodeOrigin('{"k":"slack:T1:C1:1.2"}')).toEqual({ k: 'slack:T1:C1:1.2' });
  });
});
