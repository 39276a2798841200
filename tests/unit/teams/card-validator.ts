// Validates an Adaptive Card with the official `adaptivecards` library at schema 1.5. Its ESM build cannot be
// imported in Node (extension-less imports), so the UMD bundle is loaded.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js');

/** Parse and validation problems at 1.5; an empty list means the card is valid. */
export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  const version = (json as { version?: string }).version ?? '';
  const [major, minor] = version.split('.').map(Number);
  if (!(major === 1 && (minor ?? 99) <= 5)) problems.push(`version ${version} is above 1.5`);
  return problems;
}
