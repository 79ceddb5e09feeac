import { describe, expect, it } from 'vitest';
import { renderIncidentResolved } from '../../../src/tracking/incidents/render-incident-close.js';
import { renderStatus } from '../../../src/tracking/key-issues/render-issue-comment.js';
import { quoteUserText } from '../../../src/report/render-issue-text.js';
import { makeKey } from '../../support/make-keys.js';

// Text people write that the bot repeats — a `/resolved` note, a snooze or exemption reason — goes
// through the engine's masking first: "revoked sk-…" must not be posted back whole.

const OPENAI = makeKey('openai-project-key', 61);
const GITHUB = makeKey('github-token', 62);
/** Enough of the key's middle that no redacted form can hold it. */
const middle = (key: string) => key.slice(8, -4);

describe('user text the bot quotes', () => {
  it('a /resolved note keeps its words and loses the key: prefix-less …, last 4 characters', () => {
    const reply = renderIncidentResolved('wendy', `revoked ${OPENAI} at OpenAI, new one in the vault`);
    expect(reply).toBe(
      `Resolved by wendy: closing this incident. Note: revoked …${OPENAI.slice(-4)} at OpenAI, new one in the vault`,
    );
    expect(reply).not.toContain(middle(OPENAI));
  });

  it('masks before it cuts to 200 characters, so a key at the edge is not left half-whole', () => {
    const quoted = quoteUserText(`${'x '.repeat(90)}${GITHUB} and ${OPENAI}`);
    expect(quoted.length).toBeLessThanOrEqual(200);
    expect(quoted).not.toContain(middle(GITHUB));
    expect(quoted).not.toContain(GITHUB.slice(0, 20));
  });

  it('a snooze or exemption reason in /status is masked too', () => {
    const text = renderStatus(
      {
        secret: 'OPENAI_API_KEY',
        exemption: { by: 'alice', at: '2026-08-01T00:00:00.000Z', reason: `test key ${OPENAI}` },
      },
      new Date('2026-08-05T00:00:00Z'),
    );
    expect(text).toContain(`test key …${OPENAI.slice(-4)}`);
    expect(text).not.toContain(middle(OPENAI));
  });
});
