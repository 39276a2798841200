// What `npm run ask` / `npm run chat` run: the platform-free CLI plus the platform previews it can print.

import { runCli } from '../src/cli.ts';
import { saveReply } from '../src/core/reply-store.ts';
import { slackPreview } from './slack/preview.ts';

runCli([
  {
    flag: 'slack',
    describe: 'the Block Kit payload the Slack app would send + a Block Kit Builder link',
    async render(reply, store) {
      const preview = slackPreview(reply, await saveReply(store, reply));
      return {
        stdout: `${JSON.stringify(preview.payload, null, 2)}\n`,
        stderr: `\nOpen it in Slack's Block Kit Builder:\n${preview.builderUrl}\n`,
      };
    },
  },
]);
