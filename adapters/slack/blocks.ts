// Pure builders: the platform-neutral Reply -> a Slack message (Block Kit + plain-text fallback), always within
// Block Kit's limits. When a reply is too big, the least important parts shrink first (follow-ups, detail,
// the tail of the source list, then section lines) and the card says what it left out.
import type { types } from '@slack/bolt';
import { renderText } from '../../src/core/render-text.ts';
import type { Reply, ReplyAction } from '../../src/core/types.ts';
import { ACTIONS, type ButtonValue, COMMAND, encodeValue } from './ids.ts';
import { blockTextLength, chunkLines, chunkText, LIMITS, shorten } from './limits.ts';

type Block = types.KnownBlock;
type Button = types.Button;

/** What chat.postMessage / response_url receive. Unfurls stay off: answers are full of documentation links. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
  unfurl_links: false;
  unfurl_media: false;
}

export interface CardOptions {
  /** private: only the asker sees it, so it offers Share; public: it is already in a conversation. */
  visibility: 'private' | 'public';
  /** How the card suggests follow-ups: as slash commands, thread replies, or DM messages. */
  followUpVia?: 'command' | 'thread' | 'dm';
  /** The saved reply (reply-store) that Share, export, sources and feedback buttons point at. */
  replyId?: string;
  /** Private cards: the context their buttons continue. Public cards derive it from the message instead. */
  threadKey?: string;
  /** Private cards shown inside a thread: sharing posts back into that thread. */
  threadTs?: string;
  /** Slack user id shown as "Shared by" on a re-posted answer. */
  sharedBy?: string;
  /** A line shown above the card, in mrkdwn built by us (e.g. why a post failed and what to do). */
  notice?: string;
  /** Override of the total-text budget (tests exercise the shrinking with it). */
  budget?: number;
}

/** Escapes the three characters Slack mrkdwn treats as markup. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function link(url: string, label: string): string {
  const safeUrl = url.replace(/[|<> ]/g, (c) => encodeURIComponent(c));
  return `<${safeUrl}|${esc(label).replace(/\|/g, '¦')}>`;
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text });
const section = (text: string): Block => ({ type: 'section', text: mrkdwn(text) });
const context = (texts: string[]): Block => ({
  type: 'context',
  elements: texts.slice(0, LIMITS.contextElements).map(mrkdwn),
});

export function button(actionId: string, text: string, value?: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: shorten(text, LIMITS.buttonText), emoji: true },
    ...(value ? { value } : {}),
    ...(style ? { style } : {}),
  };
}

const bullet = (line: string) => (/^\d+\. /.test(line) ? esc(line) : `• ${esc(line)}`);

/** A piece of the card that can give up lines (from the end) when the message is over budget. */
interface Part {
  /** Higher numbers shrink first. */
  priority: number;
  /** Lines that are never dropped. */
  keep: number;
  lines: string[];
  dropped: number;
  render(part: Part): Block[];
}

function part(priority: number, keep: number, lines: string[], render: (p: Part) => Block[]): Part {
  return { priority, keep, lines: [...lines], dropped: 0, render };
}

const fixed = (blocks: () => Block[]): Part => part(0, 0, [], blocks);

function sections(heading: string | undefined, more: (n: number) => string) {
  return (p: Part): Block[] => {
    const lines = [...(heading ? [`*${esc(heading)}*`] : []), ...p.lines];
    if (p.dropped) lines.push(more(p.dropped));
    return p.lines.length || p.dropped ? chunkLines(lines, LIMITS.sectionText).map(section) : [];
  };
}

const notShown = (n: number) =>
  `_…${n} more ${n === 1 ? 'line' : 'lines'} did not fit in one Slack message._`;

function rowBlocks(reply: Reply, fieldMax: number): Block[] {
  const field = (title: string, body: string) => mrkdwn(shorten(`*${esc(title)}*\n${esc(body)}`, fieldMax));
  if (reply.rows.length === 1) {
    const row = reply.rows[0]!;
    return [{ type: 'section', fields: [field('ECS', row.ecs), field('EKS', row.eks)] }];
  }
  const blocks: Block[] = [];
  const perBlock = LIMITS.sectionFields / 2;
  for (let i = 0; i < reply.rows.length; i += perBlock) {
    const rows = reply.rows.slice(i, i + perBlock);
    blocks.push({
      type: 'section',
      fields: rows.flatMap((r) => [field(`${r.label} · ECS`, r.ecs), field(`${r.label} · EKS`, r.eks)]),
    });
  }
  return blocks;
}

function followUpLine(via: CardOptions['followUpVia']): (p: Part) => Block[] {
  return (p) => {
    if (!p.lines.length) return [];
    const prefix = { command: 'Try', thread: 'Reply in this thread', dm: 'Reply here' }[via ?? 'thread'];
    const items = p.lines.map((f) => (via === 'command' ? `\`${COMMAND} ${esc(f)}\`` : `“${esc(f)}”`));
    return [context([shorten(`${prefix}: ${items.join(' · ')}`, LIMITS.textObject)])];
  };
}

function replyButton(action: ReplyAction, i: number, carry: ButtonValue): Button {
  if (action.kind === 'estimate') return button(`${ACTIONS.estimate}:${i}`, action.label, encodeValue(carry));
  const p = 'topicId' in action ? action.topicId : undefined;
  return button(`${ACTIONS.reply}:${action.kind}:${i}`, action.label, encodeValue({ ...carry, p }));
}

function shareLabel(reply: Reply, inThread: boolean): string {
  if (reply.estimate !== undefined) return inThread ? 'Post to thread' : 'Post to channel';
  return inThread ? 'Share in thread' : 'Share in channel';
}

/** The whole card for a reply, shrunk to fit one message. */
export function replyBlocks(reply: Reply, options: CardOptions): Block[] {
  const budget = options.budget ?? LIMITS.messageTextBudget;
  const isPrivate = options.visibility === 'private';
  const carry: ButtonValue = isPrivate ? { k: options.threadKey, t: options.threadTs } : {};
  const r = options.replyId;
  let fieldMax: number = LIMITS.fieldText;

  const sourceLines = reply.sources.map((s) => `${link(s.url, s.title)} · as of ${esc(s.asOf)}`);
  const sources = part(3, Math.min(3, sourceLines.length), sourceLines, (p) => {
    if (!p.lines.length) return [];
    const tail = p.dropped
      ? [`…and ${p.dropped} more ${r ? `(press *All ${reply.sources.length} sources*)` : ''}`.trimEnd()]
      : [];
    return [context(chunkLines([`*Sources*`, ...p.lines, ...tail], LIMITS.textObject))];
  });

  const utility = (): Block[] => {
    if (!r) return [];
    const buttons: Button[] = [];
    if (isPrivate)
      buttons.push(
        button(
          ACTIONS.share,
          shareLabel(reply, options.threadTs !== undefined),
          encodeValue({ r, ...carry }),
          'primary',
        ),
      );
    for (const file of reply.exports ?? []) {
      const ext = file.filename.split('.').pop()?.toLowerCase();
      if (ext === 'csv' || ext === 'json')
        buttons.push(button(`${ACTIONS.export}:${ext}`, `Export ${ext.toUpperCase()}`, encodeValue({ r })));
    }
    if (sources.dropped)
      buttons.push(button(ACTIONS.sources, `All ${reply.sources.length} sources`, encodeValue({ r })));
    buttons.push(button(ACTIONS.feedbackUp, ':+1: Helpful', encodeValue({ r, k: carry.k })));
    buttons.push(button(ACTIONS.feedbackDown, ':-1: Not helpful', encodeValue({ r, k: carry.k })));
    return [{ type: 'actions', elements: buttons }];
  };

  const parts: Part[] = [
    fixed(() => (options.notice ? [section(options.notice)] : [])),
    fixed(() => [
      {
        type: 'header',
        text: { type: 'plain_text', text: shorten(reply.title, LIMITS.headerText), emoji: true },
      },
    ]),
    part(0, 1, [esc(reply.summary)], sections(undefined, notShown)),
    fixed(() => rowBlocks(reply, fieldMax)),
    part(0, 1, reply.verdict ? [`*Verdict:* ${esc(reply.verdict)}`] : [], sections(undefined, notShown)),
    ...reply.sections.map((s) => part(2, 1, s.lines.map(bullet), sections(s.heading, notShown))),
    part(4, 0, reply.detail.map(bullet), sections('More detail', notShown)),
    part(
      1,
      1,
      reply.notices.map((n) => `:information_source: ${esc(n)}`),
      (p) => (p.lines.length ? [context(chunkLines(p.lines, LIMITS.textObject))] : []),
    ),
    sources,
    part(5, 0, reply.followUps, followUpLine(options.followUpVia)),
    fixed(() => (options.sharedBy ? [context([`Shared by <@${options.sharedBy}>`])] : [])),
    fixed(() =>
      reply.actions.length
        ? [
            {
              type: 'actions',
              elements: reply.actions
                .slice(0, LIMITS.actionsElements)
                .map((a, i) => replyButton(a, i, carry)),
            },
          ]
        : [],
    ),
    fixed(utility),
  ];

  const assemble = () => parts.flatMap((p) => p.render(p));
  const fits = (blocks: Block[]) =>
    blocks.length <= LIMITS.messageBlocks && blockTextLength(blocks) <= budget;
  let blocks = assemble();
  while (!fits(blocks)) {
    const victim = parts
      .map((p, index) => ({ p, index }))
      .filter(({ p }) => p.lines.length > p.keep)
      .sort((a, b) => b.p.priority - a.p.priority || b.index - a.index)[0]?.p;
    if (victim) {
      // Drop about as many characters as the card is over (at least one line), then measure again.
      let excess = blockTextLength(blocks) - budget;
      do {
        excess -= victim.lines.pop()?.length ?? 0;
        victim.dropped++;
      } while (excess > 0 && victim.lines.length > victim.keep);
    } else if (fieldMax > 200) fieldMax = Math.floor(fieldMax / 2);
    else break;
    blocks = assemble();
  }
  return fits(blocks) ? blocks : lastResort(blocks, budget);
}

/** Only reachable with absurd input (dozens of long rows): drop trailing content blocks until it fits. */
function lastResort(input: Block[], budget: number): Block[] {
  const actions = input.filter((b) => b.type === 'actions');
  const content = input.filter((b) => b.type !== 'actions');
  const marker = context(['_Shortened to fit one Slack message._']);
  let blocks = [...content, marker, ...actions];
  while (content.length > 1 && (blocks.length > LIMITS.messageBlocks || blockTextLength(blocks) > budget)) {
    content.pop();
    blocks = [...content, marker, ...actions];
  }
  return blocks;
}

/** Plain text for notifications and screen readers (they read `text`, not the blocks). */
export function fallbackText(reply: Reply, notice?: string): string {
  const body = renderText(reply);
  const plainNotice = notice ? `${notice.replace(/[*_`]/g, '').replace(/<@[A-Z0-9]+>/g, 'me')}\n\n` : '';
  return shorten(plainNotice + body, LIMITS.fallbackText);
}

export function replyMessage(reply: Reply, options: CardOptions): SlackMessage {
  return {
    text: fallbackText(reply, options.notice),
    blocks: replyBlocks(reply, options),
    unfurl_links: false,
    unfurl_media: false,
  };
}

/** A short message of our own (thanks, errors, instructions), already in mrkdwn. */
export function noticeMessage(markdown: string): SlackMessage {
  return {
    text: markdown.replace(/[*_`]/g, ''),
    blocks: chunkText(markdown, LIMITS.sectionText).map(section),
    unfurl_links: false,
    unfurl_media: false,
  };
}

/**
 * A CSV/JSON export as copyable code blocks in a private message. Chosen over files.uploadV2 because it needs no
 * extra scope (files:write), works in DMs and where the bot is not a member, and stays private to the user.
 */
export function exportMessage(reply: Reply, format: 'csv' | 'json'): SlackMessage {
  const file = reply.exports?.find((e) => e.filename.toLowerCase().endsWith(`.${format}`));
  if (!file) return noticeMessage('This answer has nothing to export: exports come with cost estimates.');
  const fence = '```';
  const room = LIMITS.sectionText - 2 * fence.length - 2;
  let chunks = chunkLines(esc(file.content).split('\n'), room);
  const tail: Block[] = [
    context([`Copy the text above; \`npm run ask -- --json "…"\` gives the same estimate as JSON.`]),
  ];
  const header: Block = { type: 'header', text: { type: 'plain_text', text: shorten(file.filename, 150) } };
  const build = () => [header, ...chunks.map((c) => section(`${fence}\n${c}\n${fence}`)), ...tail];
  while (chunks.length > 1 && blockTextLength(build()) > LIMITS.messageTextBudget)
    chunks = chunks.slice(0, -1);
  return {
    text: `${file.filename}\n${shorten(file.content, LIMITS.fallbackText)}`,
    blocks: build(),
    unfurl_links: false,
    unfurl_media: false,
  };
}

/** Every source of a reply, for the "All N sources" button. */
export function sourcesMessage(reply: Reply): SlackMessage {
  let lines = reply.sources.map((s) => `• ${link(s.url, s.title)} · as of ${esc(s.asOf)}`);
  const header: Block = {
    type: 'header',
    text: { type: 'plain_text', text: shorten(`Sources: ${reply.title}`, LIMITS.headerText) },
  };
  const build = () => [header, ...chunkLines(lines, LIMITS.sectionText).map(section)];
  while (lines.length > 1 && blockTextLength(build()) > LIMITS.messageTextBudget) lines = lines.slice(0, -1);
  const plain = reply.sources.map((s) => `- ${s.title} (as of ${s.asOf}): ${s.url}`).join('\n');
  return {
    text: shorten(`Sources: ${reply.title}\n${plain}`, LIMITS.fallbackText),
    blocks: build(),
    unfurl_links: false,
    unfurl_media: false,
  };
}
