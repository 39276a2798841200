import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkBlocks } from '../../../adapters/slack/limits.ts';

// `npm run ask -- --slack "..."` spawned exactly as the README shows it.
describe('npm run ask -- --slack', () => {
  it('prints the Block Kit payload on stdout and a Block Kit Builder link on stderr', () => {
    const r = spawnSync('npm', ['run', '--silent', 'ask', '--', '--slack', 'ecs vs eks'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    const payload = JSON.parse(r.stdout);
    expect(payload).toMatchObject({ response_type: 'ephemeral', unfurl_links: false, unfurl_media: false });
    expect(payload.text).toMatch(/ECS/);
    expect(checkBlocks(payload.blocks)).toEqual([]);
    const link = r.stderr.match(/https:\/\/app\.slack\.com\/block-kit-builder\/#(\S+)/);
    expect(link).not.toBeNull();
    expect(JSON.parse(decodeURIComponent(link![1]!))).toEqual({ blocks: payload.blocks });
  });
});
