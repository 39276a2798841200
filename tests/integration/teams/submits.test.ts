// Card submits (Action.Submit arrives as a message with `value`): topic buttons, the cost form, export and
// feedback, posted to /api/messages exactly as Teams sends them.
import { describe, expect, it } from 'vitest';
import { listFeedback } from '../../../src/feedback.ts';
import {
  activity,
  cardOf,
  cardText,
  type Json,
  newId,
  personalConversation,
  submitFrom,
  submits,
  useTeamsHarness,
} from './harness.ts';

describe('Teams card submits over HTTP', () => {
  const h = useTeamsHarness();

  /** Sends a message and returns the card the bot answered with. */
  async function ask(text: string, conversation: Json): Promise<{ source: Json; card: Json }> {
    const source = activity('personal-message', h.connector.serviceUrl, { ...conversation, text });
    await h.teams.post(source);
    return { source, card: cardOf(h.connector.calls.at(-1)!) };
  }

  it('answers a topic button (object data, no text) like a question', async () => {
    const submit = activity('card-submit', h.connector.serviceUrl, personalConversation());
    expect((await h.teams.post(submit)).status).toBe(200);
    const [call] = h.connector.calls;
    expect(call!.path).toBe(
      `/amer/v3/conversations/${encodeURIComponent(submit.conversation.id)}/activities/${submit.id}`,
    );
    expect(cardOf(call!).body[0].text).toMatch(/^Networking/);
  });

  it('every button on an answer carries an object, and topic buttons work from the overview', async () => {
    const conversation = personalConversation();
    const { source, card } = await ask('ecs vs eks', conversation);
    const data = submits(card);
    expect(data.length).toBeGreaterThan(5);
    for (const d of data) expect(typeof d).toBe('object');
    const topic = data.find((d) => d.verb === 'action' && d.action.kind === 'topic');
    await h.teams.post(submitFrom(source, topic));
    expect(cardOf(h.connector.calls.at(-1)!).body[0].text).toMatch(new RegExp(`^${topic.action.label}`));
  });

  it('"Estimate cost" opens the form; bad values come back in the same card; good ones are priced', async () => {
    const conversation = personalConversation();
    const { source, card } = await ask('help', conversation);
    const estimate = submits(card).find((d) => d.verb === 'action' && d.action.kind === 'estimate');
    await h.teams.post(submitFrom(source, estimate));
    const form = cardOf(h.connector.calls.at(-1)!);
    expect(form.body.map((e: Json) => e.type)).toEqual(
      expect.arrayContaining(['Input.ChoiceSet', 'Input.Number', 'Input.Text']),
    );
    const ids = form.body.filter((e: Json) => e.type.startsWith('Input.')).map((e: Json) => e.id);
    expect(ids).toEqual([
      'compute',
      'tasks',
      'vcpu',
      'memoryGb',
      'instanceType',
      'nodes',
      'region',
      'clusters',
      'support',
      'hours',
    ]);

    // Teams sends Input.Number values as strings; 16 GB does not fit 0.5 vCPU.
    const formId = newId();
    const bad = {
      verb: 'estimate',
      errorsShown: false,
      compute: 'fargate',
      tasks: '4',
      vcpu: '0.5',
      memoryGb: '16',
      region: 'eu-west-1',
      clusters: '1',
      support: 'standard',
      hours: '24x7',
    };
    h.connector.reset();
    await h.teams.post(submitFrom(source, bad, formId));
    expect(h.connector.calls).toHaveLength(1);
    const update = h.connector.calls[0]!;
    // The form itself is replaced: PUT on the card's own activity id.
    expect(update.method).toBe('PUT');
    expect(update.path).toBe(
      `/amer/v3/conversations/${encodeURIComponent(source.conversation.id)}/activities/${formId}`,
    );
    const corrected = cardOf(update);
    const text = cardText(corrected);
    expect(text).toMatch(/16 GB is not valid with 0.5 vCPU/);
    // What the user typed is kept.
    expect(corrected.body.find((e: Json) => e.id === 'memoryGb').value).toBe(16);
    expect(corrected.body.find((e: Json) => e.id === 'region').value).toBe('eu-west-1');
    expect(submits(corrected)).toEqual([{ verb: 'estimate', errorsShown: true }]);

    h.connector.reset();
    await h.teams.post(
      submitFrom(source, { ...bad, memoryGb: '2', tasks: '10', vcpu: '1', errorsShown: true }, formId),
    );
    expect(h.connector.calls.map((c) => c.method)).toEqual(['PUT', 'POST']);
    expect(cardText(cardOf(h.connector.calls[0]!))).toMatch(/Priced: the estimate is below/);
    const result = cardOf(h.connector.calls[1]!);
    expect(result.body[0].text).toMatch(/^Monthly cost estimate: ECS vs EKS, Europe \(Ireland\)/);
    expect(cardText(result)).toMatch(/Fargate vCPU \(10 tasks x 1 vCPU\)/);
    expect(cardText(result)).toMatch(/Prices as of \d{4}-\d{2}-\d{2}/);

    // The form's estimate joined the thread: a typed what-if re-prices it.
    const { card: whatIf } = await ask('make it 20 tasks', conversation);
    expect(cardText(whatIf)).toMatch(/What changed/);
    expect(cardText(whatIf)).toMatch(/20 tasks x 1 vCPU/);
  });

  it('a form submit with hostile values is refused field by field, never priced', async () => {
    const conversation = personalConversation();
    const source = activity('personal-message', h.connector.serviceUrl, conversation);
    await h.teams.post(
      submitFrom(source, {
        verb: 'estimate',
        compute: 'mainframe',
        tasks: '-3',
        vcpu: '1e9',
        memoryGb: { $gt: '' },
        instanceType: '<script>',
        region: 'x'.repeat(500),
      }),
    );
    const text = cardText(cardOf(h.connector.calls.at(-1)!));
    expect(text).toMatch(/Choose one of: Fargate/);
    expect(text).toMatch(/Must be at least 1/);
    expect(text).toMatch(/Keep this under 40 characters/);
    expect(text).not.toMatch(/Monthly cost estimate/);
  });

  it('exports the estimate as CSV and JSON text the user can copy', async () => {
    const conversation = personalConversation();
    const { source, card } = await ask('cost 3 m5.large nodes', conversation);
    for (const format of ['csv', 'json']) {
      const exp = submits(card).find((d) => d.verb === 'export' && d.format === format);
      await h.teams.post(submitFrom(source, exp));
      const body = h.connector.calls.at(-1)!.body;
      expect(body.textFormat).toBe('markdown');
      expect(body.text).toContain(`ecs-vs-eks-estimate-us-east-1.${format}`);
      expect(body.text).toContain(format === 'csv' ? 'section,item,monthly_usd' : '"region": "us-east-1"');
    }
  });

  it('records 👍 and 👎 with a reason, and thanks the user in the card itself', async () => {
    const conversation = personalConversation();
    const { source, card } = await ask('how does scaling work?', conversation);
    const up = submits(card).find((d) => d.verb === 'feedback' && d.vote === 'up');
    const down = submits(card).find((d) => d.verb === 'feedback' && d.vote === 'down');
    const cardId = newId();
    await h.teams.post(submitFrom(source, up, cardId));
    await h.teams.post(submitFrom(source, { ...down, feedbackReason: '  missing KEDA  ' }, cardId));
    const entries = (await listFeedback(h.teams.brain.store)).filter((e) =>
      e.threadKey.endsWith(source.conversation.id),
    );
    expect(entries).toMatchObject([
      { platform: 'teams', vote: 'up', intent: 'topic', topics: ['scaling'], user: source.from.aadObjectId },
      { platform: 'teams', vote: 'down', reason: 'missing KEDA', topics: ['scaling'] },
    ]);
    const thanks = h.connector.calls.at(-1)!;
    expect(thanks.method).toBe('PUT');
    expect(thanks.path).toMatch(new RegExp(`/activities/${cardId}$`));
    expect(cardText(cardOf(thanks))).toMatch(/Thanks for the feedback 👎/);
    expect(submits(cardOf(thanks)).some((d) => d.verb === 'feedback')).toBe(false);
  });

  it('counts a double-clicked or replayed vote once (as Slack does)', async () => {
    const conversation = personalConversation();
    const { source, card } = await ask('how does logging work?', conversation);
    const up = submits(card).find((d) => d.verb === 'feedback' && d.vote === 'up');
    const cardId = newId();
    await h.teams.post(submitFrom(source, up, cardId));
    h.connector.reset();
    await h.teams.post(submitFrom(source, up, cardId));
    const entries = (await listFeedback(h.teams.brain.store)).filter((e) =>
      e.threadKey.endsWith(source.conversation.id),
    );
    expect(entries).toHaveLength(1);
    expect(h.connector.calls).toHaveLength(1);
    expect(h.connector.calls[0]!.body.text).toMatch(/already rated this answer/);
  });

  it('answers unknown, forged or expired buttons with a friendly message', async () => {
    const conversation = personalConversation();
    const source = activity('personal-message', h.connector.serviceUrl, conversation);
    const values = [
      { verb: 'selfDestruct' },
      { verb: 'action', action: { kind: 'topic', label: 'x', topicId: '../../etc/passwd' } },
      'just a string',
      { verb: 'post', replyId: '00000000-0000-0000-0000-000000000000' },
    ];
    for (const value of values) {
      expect((await h.teams.post(submitFrom(source, value))).status).toBe(200);
    }
    const texts = h.connector.calls.map((c) => c.body.text as string);
    expect(texts).toHaveLength(4);
    expect(texts.slice(0, 3)).toEqual(Array(3).fill(expect.stringMatching(/doesn't work any more/)));
    expect(texts[3]).toMatch(/older than 24 hours/);
  });
});
