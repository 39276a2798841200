import type { Reply } from './types.ts';

/** Plain-text rendering of a Reply: the CLI's output and every adapter's notification fallback. */
export function renderText(reply: Reply): string {
  const out: string[] = [reply.title, '', reply.summary];
  if (reply.rows.length === 1) {
    const row = reply.rows[0]!;
    out.push('', `ECS: ${row.ecs}`, '', `EKS: ${row.eks}`);
  } else if (reply.rows.length > 1) {
    out.push('');
    for (const row of reply.rows) out.push(`${row.label}`, `  ECS: ${row.ecs}`, `  EKS: ${row.eks}`);
  }
  for (const section of reply.sections) {
    out.push('', `${section.heading}:`, ...section.lines.map((l) => (/^\d+\. /.test(l) ? l : `- ${l}`)));
  }
  if (reply.verdict) out.push('', `Verdict: ${reply.verdict}`);
  if (reply.detail.length) out.push('', 'More detail:', ...reply.detail.map((d) => `- ${d}`));
  if (reply.notices.length) out.push('', ...reply.notices.map((n) => `Note: ${n}`));
  if (reply.sources.length) {
    out.push('', 'Sources:', ...reply.sources.map((s) => `- ${s.title} (as of ${s.asOf}): ${s.url}`));
  }
  if (reply.followUps.length) out.push('', `Try next: ${reply.followUps.map((f) => `"${f}"`).join(' · ')}`);
  return out.join('\n');
}

/** The CLI's --json answer: the documented contract, plus the structured reply for tools. */
export function toJsonAnswer(reply: Reply): Record<string, unknown> {
  const answer: Record<string, unknown> = {
    intent: reply.intent,
    topics: reply.topics,
    text: renderText(reply),
  };
  if (reply.estimate !== undefined) answer.estimate = reply.estimate;
  if (reply.pick) answer.pick = reply.pick;
  answer.title = reply.title;
  answer.sources = reply.sources;
  answer.followUps = reply.followUps;
  return answer;
}
