import { describe, expect, it } from 'vitest';
import {
  channelIdOf,
  cleanText,
  isBotMentioned,
  scopeOf,
  threadKeyOf,
  userIdOf,
} from '../../../adapters/teams/activity.ts';
import { parseSubmit } from '../../../adapters/teams/submit.ts';

const bot = { id: '28:bot', name: 'ECS vs EKS' };
const mention = (id: string, name: string) => ({
  type: 'mention',
  text: `<at>${name}</at>`,
  mentioned: { id, name },
});

describe('reading Teams activities', () => {
  it('removes the bot mention anywhere, keeps other mentions as names, and strips HTML', () => {
    expect(
      cleanText({
        text: '<at>ECS vs EKS</at> compare fargate',
        recipient: bot,
        entities: [mention('28:bot', 'ECS vs EKS')],
      }),
    ).toBe('compare fargate');
    expect(
      cleanText({
        text: 'ask <at>Megan</at> and <at>ECS vs EKS</at>: is <b>IAM</b> &amp; RBAC&nbsp;different?',
        recipient: bot,
        entities: [mention('28:bot', 'ECS vs EKS'), mention('29:megan', 'Megan')],
      }),
    ).toBe('ask Megan and : is IAM & RBAC different?');
    expect(cleanText({ recipient: bot })).toBe('');
    // No entity (or a mismatched one): the bot's own <at> tag still goes.
    expect(cleanText({ text: '<at>ECS vs EKS</at> why?', recipient: bot })).toBe('why?');
  });

  it('reads a body-sized run of unclosed tags in one pass (it used to block the server for half a minute)', () => {
    // 250 KB is what the route accepts; each unclosed "<" made the old patterns rescan the rest of the text.
    const unclosed = '<'.repeat(250_000);
    expect(cleanText({ text: unclosed, recipient: bot })).toBe(unclosed);
    const atRun = '<at'.repeat(83_000);
    expect(cleanText({ text: atRun, recipient: bot })).toBe(atRun);
    const openMentions = '<at>x'.repeat(50_000); // no </at> anywhere
    expect(cleanText({ text: openMentions, recipient: bot })).toBe(Array(50_000).fill('x').join(' '));
  });

  it('detects a mention of this bot only', () => {
    expect(isBotMentioned({ recipient: bot, entities: [mention('28:bot', 'ECS vs EKS')] })).toBe(true);
    expect(isBotMentioned({ recipient: bot, entities: [mention('28:other', 'Other bot')] })).toBe(false);
    expect(isBotMentioned({ recipient: bot })).toBe(false);
  });

  it('derives scope, thread key, channel and user', () => {
    const channel = {
      conversation: { id: '19:abc@thread.tacv2;messageid=17', conversationType: 'channel', tenantId: 't1' },
      from: { id: '29:u', aadObjectId: 'aad-u' },
    } as never;
    expect(scopeOf(channel)).toBe('channel');
    expect(threadKeyOf(channel)).toBe('teams:t1:19:abc@thread.tacv2;messageid=17');
    expect(channelIdOf(channel)).toBe('19:abc@thread.tacv2');
    expect(userIdOf(channel)).toBe('aad-u');
    expect(scopeOf({ conversation: { id: 'g', conversationType: 'groupChat' } } as never)).toBe('groupChat');
    expect(scopeOf({ conversation: { id: 'a:1', conversationType: 'personal' } } as never)).toBe('personal');
    expect(threadKeyOf({ conversation: { id: 'a:1' }, channelData: { tenant: { id: 't2' } } } as never)).toBe(
      'teams:t2:a:1',
    );
  });
});

describe('card submit data', () => {
  it('accepts the shapes our cards send', () => {
    const id = '6f9619ff-8b86-4011-b42d-00c04fc964ff';
    for (const value of [
      { verb: 'action', action: { kind: 'topic', label: 'Networking', topicId: 'networking' } },
      { verb: 'action', action: { kind: 'overview', label: 'Overview' } },
      { verb: 'estimate', errorsShown: true, tasks: '2', vcpu: 0.5 },
      { verb: 'post', replyId: id },
      { verb: 'postTo', replyId: id, targetChannel: '19:a|19:b' },
      { verb: 'export', replyId: id, format: 'csv' },
      { verb: 'feedback', replyId: id, vote: 'down', feedbackReason: 'too long' },
    ]) {
      expect(parseSubmit(value).ok, JSON.stringify(value)).toBe(true);
    }
  });

  it('rejects forged or malformed data without throwing', () => {
    for (const value of [
      null,
      'help',
      42,
      { verb: 'action', action: { kind: 'topic', label: 'x', topicId: 'A/../../b' } },
      { verb: 'action', action: { kind: 'deleteEverything', label: 'x' } },
      { verb: 'post', replyId: 'not-a-uuid' },
      { verb: 'feedback', replyId: '6f9619ff-8b86-4011-b42d-00c04fc964ff', vote: 'meh' },
      { verb: 'export', replyId: '6f9619ff-8b86-4011-b42d-00c04fc964ff', format: 'exe' },
    ]) {
      expect(parseSubmit(value).ok, JSON.stringify(value)).toBe(false);
    }
    expect(parseSubmit({ verb: 'x'.repeat(100) })).toEqual({ ok: false, verb: 'x'.repeat(40) });
  });
});
