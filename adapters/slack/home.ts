// The App Home tab: what the bot does, example questions, and the three ways in (overview, estimate, choose).
import type { types } from '@slack/bolt';
import { helpReply } from '../../src/core/answer.ts';
import { button, esc } from './blocks.ts';
import { ACTIONS, COMMAND } from './ids.ts';

export function homeView(): types.HomeView {
  const help = helpReply();
  const lines = (heading: string, items: string[]) =>
    `*${esc(heading)}*\n${items.map((i) => `• ${esc(i)}`).join('\n')}`;
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'ECS vs EKS' } },
      { type: 'section', text: { type: 'mrkdwn', text: esc(help.summary) } },
      {
        type: 'actions',
        elements: [
          button(`${ACTIONS.reply}:overview:0`, 'Overview', undefined, 'primary'),
          button(`${ACTIONS.estimate}:1`, 'Estimate cost'),
          button(`${ACTIONS.reply}:recommend:2`, 'Help me choose'),
          button(`${ACTIONS.reply}:help:3`, 'Help'),
        ],
      },
      { type: 'divider' },
      ...help.sections.map(
        (s): types.KnownBlock => ({
          type: 'section',
          text: { type: 'mrkdwn', text: lines(s.heading, s.lines) },
        }),
      ),
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: lines('Where to ask', [
            `${COMMAND} in any channel or DM: answers are private until you share them`,
            'Mention me in a channel: I answer in a thread, and follow-ups in that thread need no mention',
            'The Messages tab here: a private conversation with me',
          ]),
        },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'Every answer cites its sources with as-of dates; every price shows its date and the arithmetic behind it.',
          },
        ],
      },
    ],
  };
}
