import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The CLI end to end, spawned as a real process exactly as the README documents it.
function npm(args: string[], input?: string) {
  const r = spawnSync('npm', ['run', '--silent', ...args], { encoding: 'utf8', input, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('CLI', () => {
  it('ask --json prints exactly one JSON object in the documented shape', () => {
    const r = npm(['ask', '--', '--json', 'how do pods get aws creds on eks?']);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.out);
    expect(answer.intent).toBe('topic');
    expect(answer.topics).toEqual(['pod-identity']);
    expect(answer.text).toMatch(/Pod Identity/);
    expect(answer.text).toMatch(/Sources:/);
  });

  it('ask prints readable text by default', () => {
    const r = npm(['ask', '--', 'ecs', 'vs', 'eks']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ECS: /);
    expect(() => JSON.parse(r.out)).toThrow();
  });

  it('ask without a question explains the usage and fails', () => {
    const r = npm(['ask']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Usage/);
  });

  it('chat --json treats piped lines as one thread, one JSON line per answer', () => {
    const r = npm(
      ['chat', '--', '--json'],
      'how does networking work\nwhat about IAM?\nwhy?\n\nasdf qwer zxcv\n',
    );
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.intent)).toEqual(['topic', 'topic', 'topic', 'unknown']);
    expect(lines.map((l) => l.topics[0])).toEqual(['networking', 'iam', 'iam', undefined]);
  });

  it('chat without --json prints readable answers for piped lines', () => {
    const r = npm(['chat'], 'what is fargate spot\nmore detail\n');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/More detail:/);
  });
});
