// npm run feedback: prints the 👍/👎 report. Feedback lives in the bot's store, so this asks the running bot
// (loopback only) at http://127.0.0.1:$PORT/api/feedback.
import { loadConfig } from '../src/config.ts';
import { type FeedbackEntry, formatFeedbackReport } from '../src/feedback.ts';

const config = loadConfig();
const url = `http://127.0.0.1:${config.PORT}/api/feedback`;
try {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const entries = (await res.json()) as FeedbackEntry[];
  console.log(formatFeedbackReport(entries));
} catch (err) {
  console.error(`Could not read feedback from the running bot at ${url} (${(err as Error).message}).`);
  console.error('Start it with `npm start` (feedback is kept in its state store), then run this again.');
  process.exitCode = 1;
}
