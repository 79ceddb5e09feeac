import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/registry.js';
import { guessProvider } from '../../src/onboarding/guess-provider.js';
import { canonicalProvider, findProvider } from '../../src/providers/canonical-provider.js';
import { ownerOfDetector } from '../../src/providers/owner-of-detector.js';
import type { ProviderRecord } from '../../src/providers/provider.js';
import { providerPhrases } from '../../src/providers/provider-phrases.js';
import { providers } from '../../src/providers/registry.js';
import { envFileRule } from '../../src/scan/hygiene.js';
import { namesProvider } from '../../src/tracking/incidents/incident-close-provider.js';

const records: readonly ProviderRecord[] = providers;
const allDetectors = [...detectors, envFileRule];

describe('the provider registry', () => {
  it('has one record per id', () => {
    expect(new Set(records.map((p) => p.id)).size).toBe(records.length);
  });

  it.each(allDetectors.map((d) => [d.id, d] as const))('detector %s has a provider record', (_, detector) => {
    const owner = ownerOfDetector(detector.id);
    expect(owner, `no record's id starts ${detector.id}`).toBeDefined();
    // A finding's group is its record's id, or `other` for vendors grouped before they had a record.
    expect([owner!.id, 'other']).toContain(detector.provider);
    if (owner!.nameless) expect(detector.provider).toBe(owner!.id);
  });

  it.each(records.map((p) => [p.id, p] as const))('record %s owns at least one detector', (_, record) => {
    expect(allDetectors.filter((d) => ownerOfDetector(d.id) === record).length).toBeGreaterThan(0);
  });

  it.each(records.filter((p) => !p.nameless).map((p) => [p.id, p] as const))(
    'record %s has rotation steps with an https URL',
    (_, record) => {
      expect(record.rotation).toBeDefined();
      expect(new URL(record.rotation!.url).protocol).toBe('https:');
      if (record.liveCheck) expect(new URL(record.liveCheck.defaultUrl).protocol).toBe('https:');
    },
  );

  it('gives the nameless groups no alias and no vendor steps', () => {
    for (const record of records.filter((p) => p.nameless)) {
      expect([record.id, record.aliases, record.rotation, record.liveCheck]).toEqual([
        record.id,
        [],
        undefined,
        undefined,
      ]);
    }
  });

  it('spells every id and alias the way a policy is read, and no two providers share one', () => {
    const seen = new Map<string, string>();
    for (const record of records) {
      for (const name of [record.id, ...record.aliases]) {
        expect(canonicalProvider(name), `${name} is not in canonical spelling`).toBe(record.id);
        expect(seen.get(name), `${name} is both ${seen.get(name)}'s and ${record.id}'s`).toBeUndefined();
        seen.set(name, record.id);
      }
    }
    // The words a secret name uses must not collide either (`hugging-face` and `hugging_face` are one phrase).
    const phrases = records.flatMap((p) => providerPhrases(p).map((phrase) => [phrase.join(' '), p.id] as const));
    const owners = new Map<string, Set<string>>();
    for (const [phrase, id] of phrases) owners.set(phrase, (owners.get(phrase) ?? new Set()).add(id));
    expect([...owners].filter(([, ids]) => ids.size > 1)).toEqual([]);
  });

  it('reads one spelling table for onboarding guesses and incident closing', () => {
    for (const record of records.filter((p) => !p.nameless)) {
      for (const phrase of providerPhrases(record)) {
        const name = `${phrase.join('_')}_API_KEY`;
        expect(guessProvider(name), name).toBe(record.id);
        expect(namesProvider(name, record.id), name).toBe(true);
      }
      for (const alias of record.aliases)
        expect(findProvider(alias.toUpperCase().replace(/-/g, '_'))?.id).toBe(record.id);
    }
  });
});
