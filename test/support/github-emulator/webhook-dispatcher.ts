import { randomUUID } from 'node:crypto';
import { hasLevel } from './auth.js';
import type { Store } from './store.js';
import type { AppRecord, InstallationRecord, RepoRecord } from './types.js';
import { postSignedDelivery } from './webhooks.js';

/**
 * What happened in a repository, rendered when it happened (a payload is a snapshot: a later write
 * must not show through an earlier event), before it is addressed to any App.
 */
export interface RepoEvent {
  /** `X-GitHub-Event`, e.g. `issues`. */
  event: string;
  /** The payload without `installation`, which each App's delivery adds. */
  payload: Record<string, unknown>;
  repo: RepoRecord;
  /** Login of who did it (`sender.login`). */
  sender: string;
}

/** One delivery, as GitHub's "Recent deliveries" page lists it. */
export interface DeliveryRecord {
  id: string;
  event: string;
  action: string | null;
  /** `owner/name`. */
  repository: string;
  sender: string;
  appId: number;
  installationId: number;
  payload: Record<string, unknown>;
  /** The App's answer; null until delivered (or when the connection failed: see `error`). */
  status: number | null;
  error?: string;
}

export interface WebhookSubscription {
  /** The App's webhook URL (its `hook_attributes.url`). */
  url: string;
  /** Defaults to the first seeded App (looked up when an event happens, so it may be seeded later). */
  appId?: number;
  /** Defaults to the App's webhook secret. */
  secret?: string;
}

interface Target {
  url: string;
  secret: string;
}

export interface HeldDeliveries {
  /** Deliveries set aside and not yet released (in order). */
  readonly deliveries: DeliveryRecord[];
  /** Sends them (in order per repository) and stops holding. */
  release(): void;
}

/**
 * The permission an App needs to receive each event (GitHub's "Webhook events and payloads", each
 * event's "Availability" and permission line). https://docs.github.com/webhooks/webhook-events-and-payloads
 */
const EVENT_PERMISSION: Record<string, string> = {
  issues: 'issues',
  issue_comment: 'issues',
  check_run: 'checks',
  pull_request: 'pull_requests',
  push: 'contents',
};

/** Events GitHub sends every App whether it subscribed or not. */
const ALWAYS_SENT = new Set(['installation', 'installation_repositories']);

/**
 * Delivers the webhooks GitHub would for writes made through the emulator's API (by an App's
 * installation token too) to each subscribed App whose installation reaches the repository and
 * whose events include it — after the write's response, in order per repository, as GitHub does.
 */
export class WebhookDispatcher {
  readonly deliveries: DeliveryRecord[] = [];
  private readonly subscriptions = new Set<WebhookSubscription>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly holds: Array<{
    filter: (d: DeliveryRecord) => boolean;
    held: Array<{ delivery: DeliveryRecord; target: Target }>;
  }> = [];
  private pending = 0;
  private waiters: Array<() => void> = [];

  constructor(private readonly store: Store) {}

  /** Whether any App listens: routes skip rendering payloads nobody will get. */
  get active(): boolean {
    return this.subscriptions.size > 0;
  }

  /** Delivers to `url` from now on (the App resolved when an event happens); returns the unsubscribe. */
  subscribe(subscription: WebhookSubscription): () => void {
    const entry = { ...subscription };
    this.subscriptions.add(entry);
    return () => {
      this.subscriptions.delete(entry);
    };
  }

  /** Addresses `happened` to every App that gets it, and queues the deliveries. */
  emit(happened: RepoEvent): void {
    for (const subscription of this.subscriptions) {
      const app = this.store.apps.get(subscription.appId ?? [...this.store.apps.keys()][0] ?? -1);
      const installation = app && this.installationFor(app, happened);
      if (!app || !installation) continue;
      const payload: Record<string, unknown> = {
        ...happened.payload,
        installation: {
          id: installation.id,
          node_id: Buffer.from(`023:IntegrationInstallation${installation.id}`).toString('base64'),
        },
      };
      const action = typeof payload.action === 'string' ? payload.action : null;
      const delivery: DeliveryRecord = {
        id: randomUUID(),
        event: happened.event,
        action,
        repository: `${happened.repo.owner}/${happened.repo.name}`,
        sender: happened.sender,
        appId: app.id,
        installationId: installation.id,
        payload,
        status: null,
      };
      this.deliveries.push(delivery);
      const target = { url: subscription.url, secret: subscription.secret ?? app.webhookSecret };
      const hold = this.holds.find((h) => h.filter(delivery));
      if (hold) hold.held.push({ delivery, target });
      else this.enqueue(delivery, target);
    }
  }

  /** Sets aside deliveries that match `filter` (not blocking the others) until released. */
  hold(filter: (delivery: DeliveryRecord) => boolean): HeldDeliveries {
    const entry = { filter, held: [] as Array<{ delivery: DeliveryRecord; target: Target }> };
    this.holds.push(entry);
    return {
      get deliveries() {
        return entry.held.map((h) => h.delivery);
      },
      release: () => {
        this.holds.splice(this.holds.indexOf(entry), 1);
        entry.held.splice(0).forEach(({ delivery, target }) => this.enqueue(delivery, target));
      },
    };
  }

  /**
   * Resolves once nothing is queued or in flight (held deliveries aside): the App has answered
   * every delivery, and every write it made while handling one has been delivered too. Rejects
   * after `timeoutMs` (default 60 s, real time) saying how many deliveries went out: a loop of
   * deliveries never settles.
   */
  settled(options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    const timeoutMs = options.timeoutMs ?? 60_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        reject(
          new Error(
            `emulator webhooks: still delivering after ${timeoutMs} ms (${this.deliveries.length} deliveries, ${this.pending} pending)`,
          ),
        );
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(done);
    });
  }

  /** The App's installation that reaches the repository, gets this event and may read it. */
  private installationFor(app: AppRecord, happened: RepoEvent): InstallationRecord | undefined {
    const subscribed = (events: string[]): boolean =>
      events.length === 0 || events.includes(happened.event) || ALWAYS_SENT.has(happened.event);
    const permission = EVENT_PERMISSION[happened.event];
    return [...this.store.installations.values()].find(
      (installation) =>
        installation.appId === app.id &&
        installation.suspendedAt === null &&
        subscribed(installation.events.length > 0 ? installation.events : app.events) &&
        (permission === undefined || hasLevel(installation.permissions, permission, 'read')) &&
        this.store.installationRepos(installation).some((repo) => repo.id === happened.repo.id),
    );
  }

  /** After the current request's answer is written (setImmediate), in order per App and repository. */
  private enqueue(delivery: DeliveryRecord, target: Target): void {
    const key = `${delivery.appId}:${delivery.repository.toLowerCase()}`;
    this.pending += 1;
    const previous = this.chains.get(key) ?? new Promise<void>((resolve) => setImmediate(resolve));
    const next = previous
      .then(() => this.send(delivery, target))
      .finally(() => {
        if (this.chains.get(key) === next) this.chains.delete(key);
        this.pending -= 1;
        if (this.pending === 0) this.waiters.splice(0).forEach((wake) => wake());
      });
    this.chains.set(key, next);
  }

  private async send(delivery: DeliveryRecord, target: Target): Promise<void> {
    try {
      const result = await postSignedDelivery({
        url: target.url,
        secret: target.secret,
        event: delivery.event,
        deliveryId: delivery.id,
        body: JSON.stringify(delivery.payload),
      });
      delivery.status = result.status;
    } catch (error) {
      // GitHub records a failed delivery and does not retry it on its own.
      delivery.error = error instanceof Error ? error.message : String(error);
    }
  }
}
