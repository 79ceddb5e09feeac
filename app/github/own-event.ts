import type { Probot } from 'probot';
import { sameLogin } from '../../src/tracking/key-issues/last-notice.js';
import { botLoginOf } from './bot-login.js';

/** `sender` as every webhook payload carries it. */
export interface Sender {
  login?: string;
  type?: string;
}

/**
 * Sent by a bot — this App's own writes included: on GitHub every dashboard rewrite, reply, label
 * and onboarding commit comes back as a webhook whose sender is `<slug>[bot]`, type `Bot`. Decided
 * from the payload alone, before any request.
 * https://docs.github.com/webhooks/webhook-events-and-payloads#webhook-payload-object-common-properties
 */
export const fromBot = (sender: Sender | null | undefined): boolean => sender?.type === 'Bot';

/**
 * Sent by this App itself. Only a bot sender costs a lookup of the App's login, and that once per
 * process ({@link botLoginOf}); a person's event costs nothing.
 */
export async function isOwnEvent(app: Probot, sender: Sender | null | undefined): Promise<boolean> {
  return fromBot(sender) && sameLogin(sender?.login ?? '', await botLoginOf(app));
}
