import type { World } from './fixture.js';
import type { Hit } from './openapi-pulls-scenario.js';

/**
 * The conformance scenario's part for secret scanning alerts (leak incidents): one
 * alert, read with its secret shown and hidden, listed, and its locations. The world's token gets
 * the "Secret scanning alerts" permission for this part only.
 */
export async function runSecretScanningScenario(hit: Hit, world: World): Promise<void> {
  world.gh.seed.secretScanningAlert({
    repo: 'acme/api',
    secretType: 'mailchimp_api_key',
    secret: 'emulated-value',
    locations: [{ path: 'a.txt', startLine: 1, commitSha: 'a'.repeat(40) }],
  });
  const token = world.gh.store.tokens.get(world.token)!;
  const saved = token.permissions;
  token.permissions = { ...saved, secret_scanning_alerts: 'read' };
  try {
    for (const path of [
      '/repos/acme/api/secret-scanning/alerts',
      '/repos/acme/api/secret-scanning/alerts/1',
      '/repos/acme/api/secret-scanning/alerts/1?hide_secret=true',
      '/repos/acme/api/secret-scanning/alerts/1/locations',
    ]) {
      await hit('GET', path);
    }
  } finally {
    token.permissions = saved;
  }
  // Without the permission: 403.
  await hit('GET', '/repos/acme/api/secret-scanning/alerts/1?hide_secret=true');
}
