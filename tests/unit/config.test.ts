import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('config', () => {
  it('runs on embedded defaults with no variables at all', () => {
    const cfg = loadConfig({});
    expect(cfg.PORT).toBe(3000);
    expect(cfg.STATE_STORE).toBe('memory');
    expect(cfg.DEFAULT_REGION).toBe('us-east-1');
    expect(cfg.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it('treats empty strings as unset, as in a copied .env.example', () => {
    const cfg = loadConfig({ SLACK_BOT_TOKEN: '', PORT: '8080', MicrosoftAppId: '  ' });
    expect(cfg.SLACK_BOT_TOKEN).toBeUndefined();
    expect(cfg.MicrosoftAppId).toBeUndefined();
    expect(cfg.PORT).toBe(8080);
  });

  it('names each bad variable in one clear message', () => {
    let message = '';
    try {
      loadConfig({
        PORT: 'abc',
        SLACK_BOT_TOKEN: 'xoxp-user',
        DEFAULT_REGION: 'Ireland',
        STATE_STORE: 'mongo',
      });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/SLACK_BOT_TOKEN must be a bot token starting with xoxb-/);
    expect(message).toMatch(/DEFAULT_REGION must be an AWS region code/);
    expect(message).toMatch(/STATE_STORE/);
  });

  it('requires REDIS_URL when the Redis store is chosen', () => {
    expect(() => loadConfig({ STATE_STORE: 'redis' })).toThrow(/REDIS_URL: required/);
  });
});
