// Block Kit limits as named constants, text helpers that respect them, and a checker the tests (and the
// builders' last line of defence) run over every message, modal and Home view we send.
import type { types } from '@slack/bolt';

type Block = types.KnownBlock;

/** Documented Block Kit limits (docs.slack.dev/reference/block-kit), plus the observed cumulative text cap. */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  /** A text object's `text`; context elements are text objects. */
  textObject: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  optionText: 75,
  selectOptions: 100,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  /**
   * Slack rejects messages with `msg_blocks_too_long` at a cumulative block-text size it does not document:
   * ~13.3k with markdown blocks (bolt-js#2509), and as low as 11,341 characters of summed `text` with
   * section/rich_text blocks (bolt-js#2867). The checker flags anything over the cap; the builders aim lower.
   */
  messageTextCap: 11_000,
  messageTextBudget: 10_000,
  /** The top-level `text` fallback: hard cap 40k; we keep it readable for notifications and screen readers. */
  fallbackText: 12_000,
} as const;

/** Shortens text to `max` characters at a word boundary, marking the cut with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** Splits text into pieces of at most `max` characters, preferring paragraph, line, sentence and word breaks. */
export function chunkText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const at = [
      window.lastIndexOf('\n\n'),
      window.lastIndexOf('\n'),
      window.lastIndexOf('. '),
      window.lastIndexOf(' '),
    ]
      .map((i, n) => (n === 2 && i >= 0 ? i + 1 : i))
      .find((i) => i > max * 0.5);
    const end = at ?? max;
    pieces.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** Groups lines into newline-joined chunks of at most `max` characters; an over-long line is split on its own. */
export function chunkLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines.flatMap((l) => chunkText(l, max))) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length > max) {
      chunks.push(current);
      current = line;
    } else current = next;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Characters of text Slack counts for the cumulative cap: every `text` string anywhere in the blocks. */
export function blockTextLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + blockTextLength(v), 0);
  if (!value || typeof value !== 'object') return 0;
  let n = 0;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'text' && typeof v === 'string') n += v.length;
    else n += blockTextLength(v);
  }
  return n;
}

interface TextObj {
  text?: unknown;
}
const len = (t: TextObj | undefined) => (typeof t?.text === 'string' ? t.text.length : 0);

/** Every limit a block breaks, as readable strings (`blocks[3].fields[0]: 2100 > 2000`). Empty = within limits. */
export function checkBlocks(blocks: Block[], surface: 'message' | 'view' = 'message'): string[] {
  const problems: string[] = [];
  const max = surface === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks;
  const over = (where: string, n: number, limit: number) => {
    if (n > limit) problems.push(`${where}: ${n} > ${limit}`);
  };
  over('blocks', blocks.length, max);
  if (surface === 'message') over('total text', blockTextLength(blocks), LIMITS.messageTextCap);
  blocks.forEach((block, i) => {
    const at = `blocks[${i}]`;
    const b = block as unknown as Record<string, unknown>;
    if (typeof b.block_id === 'string') over(`${at}.block_id`, b.block_id.length, LIMITS.blockId);
    switch (block.type) {
      case 'header':
        over(`${at}.text`, len(block.text), LIMITS.headerText);
        break;
      case 'section':
        over(`${at}.text`, len(block.text), LIMITS.sectionText);
        over(`${at}.fields`, block.fields?.length ?? 0, LIMITS.sectionFields);
        block.fields?.forEach((f, j) => {
          over(`${at}.fields[${j}]`, len(f), LIMITS.fieldText);
        });
        if (!block.text && !block.fields?.length) problems.push(`${at}: section without text or fields`);
        break;
      case 'context':
        over(`${at}.elements`, block.elements.length, LIMITS.contextElements);
        block.elements.forEach((e, j) => {
          over(`${at}.elements[${j}]`, len(e as TextObj), LIMITS.textObject);
        });
        break;
      case 'actions': {
        over(`${at}.elements`, block.elements.length, LIMITS.actionsElements);
        const ids = new Set<string>();
        block.elements.forEach((e, j) => {
          const el = e as unknown as { action_id?: string; text?: TextObj; value?: string };
          if (el.action_id) {
            over(`${at}.elements[${j}].action_id`, el.action_id.length, LIMITS.actionId);
            if (ids.has(el.action_id)) problems.push(`${at}: duplicate action_id ${el.action_id}`);
            ids.add(el.action_id);
          }
          over(`${at}.elements[${j}].text`, len(el.text), LIMITS.buttonText);
          over(`${at}.elements[${j}].value`, el.value?.length ?? 0, LIMITS.buttonValue);
        });
        break;
      }
      case 'input': {
        over(`${at}.label`, len(block.label), LIMITS.inputLabel);
        over(`${at}.hint`, len(block.hint), LIMITS.inputHint);
        const el = block.element as unknown as { placeholder?: TextObj; options?: Array<{ text: TextObj }> };
        over(`${at}.placeholder`, len(el.placeholder), LIMITS.placeholder);
        over(`${at}.options`, el.options?.length ?? 0, LIMITS.selectOptions);
        el.options?.forEach((o, j) => {
          over(`${at}.options[${j}]`, len(o.text), LIMITS.optionText);
        });
        break;
      }
    }
  });
  return problems;
}

/** A modal or Home view: its blocks plus title, buttons and private_metadata. */
export function checkView(view: types.View): string[] {
  const problems = checkBlocks(view.blocks as Block[], 'view');
  const over = (where: string, n: number, limit: number) => {
    if (n > limit) problems.push(`${where}: ${n} > ${limit}`);
  };
  if (view.type === 'modal') {
    over('title', len(view.title), LIMITS.viewTitle);
    over('submit', len(view.submit), LIMITS.viewButton);
    over('close', len(view.close), LIMITS.viewButton);
  }
  over('private_metadata', view.private_metadata?.length ?? 0, LIMITS.privateMetadata);
  return problems;
}
