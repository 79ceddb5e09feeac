import type { AddressInfo } from 'node:net';
import { createClock, type EmulatorClock } from './github-emulator/clock.js';
import { Faults, type InjectedFailure, type Intercepted, type RecordedRequest } from './anthropic-admin/faults.js';
import { createSeeder, type AdminSeeder } from './anthropic-admin/seed.js';
import { createAdminServer } from './anthropic-admin/server.js';
import { AdminState } from './anthropic-admin/state.js';

export type { InjectedFailure, Intercepted, RecordedRequest } from './anthropic-admin/faults.js';
export type { AdminSeeder, SeededKey } from './anthropic-admin/seed.js';

/**
 * A local stand-in for Anthropic's Admin API (`test/support/anthropic-admin/README.md`): a real HTTP
 * server on 127.0.0.1, stateful, driven by the official `@anthropic-ai/sdk` in
 * `anthropic-admin-emulator.test.ts` so its shapes are the vendor's.
 */
export interface AnthropicAdminEmulatorOptions {
  /** Where the clock starts (default: the real time now, whole seconds). It moves only when told. */
  now?: Date | string;
  /** Seeds ids and key values, so a run repeats (default 1). */
  seed?: number;
}

export interface AnthropicAdminEmulator extends AdminSeeder {
  /** `http://127.0.0.1:PORT`: the SDK's `baseURL` and `ANTHROPIC_BASE_URL` (the paths start with `/v1/`). */
  url: string;
  clock: EmulatorClock;
  /** The next `times` requests whose path starts with `pathPrefix` fail with `status` (429, 500, 529…). */
  failNext(pathPrefix: string, failure: InjectedFailure): void;
  /** The next `times` (1) matching requests get what `answer` returns instead of the API's answer. */
  intercept(pathPrefix: string, answer: (request: RecordedRequest) => Intercepted, times?: number): void;
  /** Requests received (whatever their answer), optionally only those whose path starts with `pathPrefix`. */
  requestCount(pathPrefix?: string): number;
  readonly requests: readonly RecordedRequest[];
  close(): Promise<void>;
}

/** Starts the emulator on 127.0.0.1 (loopback only) on a free port. */
export async function startAnthropicAdminEmulator(
  options: AnthropicAdminEmulatorOptions = {},
): Promise<AnthropicAdminEmulator> {
  const clock = createClock(options.now === undefined ? undefined : new Date(options.now));
  const state = new AdminState(options.seed ?? 1, clock.now());
  const faults = new Faults();
  const requests: RecordedRequest[] = [];
  const server = createAdminServer(state, clock, faults, requests);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...createSeeder(state, clock),
    url: `http://127.0.0.1:${port}`,
    clock,
    failNext: (prefix, failure) => faults.failNext(prefix, failure),
    intercept: (prefix, answer, times) => faults.intercept(prefix, answer, times),
    requestCount: (prefix = '') => requests.filter((r) => r.path.startsWith(prefix)).length,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
