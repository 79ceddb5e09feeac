import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Rng } from '../../src/detectors/detector.js';
import { detectors } from '../../src/detectors/registry.js';
import { BASE64_TRIGGERS } from '../../src/scan/base64.js';
import { buildJsBytePrefilter, type BytePrefilter } from '../../src/scan/byte-prefilter.js';
import { buildBytePrefilter, bytePrefilters, chooseBytePrefilter } from '../../src/scan/build-byte-prefilter.js';
import { buildWasmBytePrefilter } from '../../src/scan/wasm-byte-prefilter.js';
import { seededRng } from '../support/seeded-rng.js';

const MIB = 1 << 20;
const DETECTOR_KEYWORDS = [...detectors.flatMap((d) => d.keywords), ...BASE64_TRIGGERS];
const NESTED = ['key', 'api_key', 'secret_access_key', 'access_key', 'secret', 'api', 'secret_key', 'y_a'];
/** Bytes that are not ASCII, some not valid UTF-8 on their own, and Latin-1 letters that fold case. */
const NON_ASCII = [0x80, 0xb5, 0xc0, 0xc3, 0xe0, 0xe2, 0xff, 0xdf, 0xc9, 0xe9];

/** The hits as [keyword, start] pairs, copied out (a prefilter may reuse its result). */
function hitsOf(prefilter: BytePrefilter, bytes: Uint8Array): [string, number][] {
  const hits = prefilter.scan(bytes);
  return Array.from({ length: hits.count }, (_, i) => [prefilter.keywords[hits.keyword[i]!]!, hits.start[i]!]);
}

/** The compiled matcher and the reference agree on every input; returns the hits for further checks. */
function expectSameHits(keywords: readonly string[], inputs: Uint8Array[]): [string, number][][] {
  const wasm = buildWasmBytePrefilter(keywords);
  const js = buildJsBytePrefilter(keywords);
  expect(wasm.keywords).toEqual(js.keywords);
  return inputs.map((bytes) => {
    const expected = hitsOf(js, bytes);
    const actual = hitsOf(wasm, bytes);
    // One comparison of the whole list: a per-hit expect on millions of hits would be slow.
    if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
    return actual;
  });
}

/** Random case for ASCII letters. */
const mixCase = (rng: Rng, s: string) =>
  [...s].map((c) => (rng.int(0, 1) ? c.toUpperCase() : c.toLowerCase())).join('');

/** Text dense in keywords: keywords in mixed case, cut short or whole, between filler and non-ASCII bytes. */
function denseText(rng: Rng, keywords: readonly string[], size: number): Uint8Array {
  const parts: number[] = [];
  while (parts.length < size) {
    const k = keywords[rng.int(0, keywords.length - 1)]!;
    const cut = rng.int(0, 3) === 0 ? k.slice(0, rng.int(1, k.length)) : k;
    parts.push(...Buffer.from(mixCase(rng, cut), 'latin1'));
    const gap = rng.int(0, 4);
    for (let i = 0; i < gap; i++) {
      const kind = rng.int(0, 3);
      if (kind === 0) parts.push(NON_ASCII[rng.int(0, NON_ASCII.length - 1)]!);
      else if (kind === 1) parts.push('=_-. "\n'.charCodeAt(rng.int(0, 6)));
      else parts.push(rng.int(0x21, 0x7e));
    }
  }
  return Uint8Array.from(parts.slice(0, size));
}

function randomBytes(rng: Rng, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = rng.int(0, 255);
  return bytes;
}

/** Vendor-like prefixes and environment-variable-like names, 3–20 characters. */
function syntheticKeywords(rng: Rng, count: number): string[] {
  const words = ['api', 'key', 'token', 'secret', 'auth', 'access', 'client', 'pass', 'webhook', 'signing'];
  const set = new Set<string>();
  while (set.size < count) {
    const vendor = rng.string('abcdefghijklmnopqrstuvwxyz', rng.int(2, 5));
    const shape = rng.int(0, 2);
    const k =
      shape === 0 ? `${vendor}_` : shape === 1 ? `${vendor}k-` : `${vendor}_${words[rng.int(0, words.length - 1)]}`;
    set.add(k.slice(0, 20));
  }
  return [...set];
}

describe('the WebAssembly byte prefilter gives the reference hits', () => {
  it('on small alphabets, where keywords nest, overlap and are prefixes and suffixes of each other', () => {
    const rng = seededRng(16);
    for (let round = 0; round < 400; round++) {
      const keywords = Array.from({ length: rng.int(0, 6) }, () => rng.string('ab', rng.int(1, 5)));
      const inputs = Array.from({ length: 10 }, () => Buffer.from(rng.string('abAB\xe1x', rng.int(0, 40)), 'latin1'));
      expectSameHits([...new Set(keywords)], inputs);
    }
  });

  it('on nested keywords (key, api_key, secret_access_key) in mixed case next to non-ASCII bytes', () => {
    const rng = seededRng(2);
    const [hits] = expectSameHits(NESTED, [denseText(rng, NESTED, 200_000)]);
    expect(new Set(hits!.map(([k]) => k))).toEqual(new Set(NESTED));
  });

  it('on random bytes, empty input and inputs that end mid-keyword, over the detectors’ keywords', () => {
    const rng = seededRng(3);
    const endings = DETECTOR_KEYWORDS.flatMap((k) => [
      Buffer.from(`x = ${mixCase(rng, k.slice(0, -1))}`, 'latin1'),
      Buffer.from(`x = ${mixCase(rng, k)}`, 'latin1'),
      Buffer.from(mixCase(rng, k), 'latin1'),
    ]);
    expectSameHits(DETECTOR_KEYWORDS, [new Uint8Array(0), randomBytes(rng, 256 * 1024), ...endings]);
  });

  it('on keyword-dense text over the detectors’ keywords, whole and cut into chunks anywhere', () => {
    const rng = seededRng(4);
    const text = denseText(rng, DETECTOR_KEYWORDS, MIB);
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < text.length;) {
      const end = Math.min(text.length, at + rng.int(1, 70_000));
      chunks.push(text.subarray(at, end)); // views at an offset into a larger buffer, as Buffer pool slices are
      at = end;
    }
    const [whole] = expectSameHits(DETECTOR_KEYWORDS, [text, ...chunks]);
    expect(whole!.length).toBeGreaterThan(20_000);
  });

  it('on a multi-megabyte line with more hits than one pass of the loop returns', () => {
    const rng = seededRng(5);
    const line = Buffer.concat([
      Buffer.from(denseText(rng, NESTED, 2 * MIB).map((b) => (b === 0x0a ? 0x20 : b))),
      Buffer.from('Key'.repeat(40_000)),
      Buffer.from('secret_access_ke'),
    ]);
    const [hits] = expectSameHits(NESTED, [line]);
    expect(hits!.length).toBeGreaterThan(100_000);
  });

  it('with 1,000 synthetic keywords besides the detectors’ own', () => {
    const rng = seededRng(6);
    const keywords = [...new Set([...DETECTOR_KEYWORDS.map((k) => k.toLowerCase()), ...syntheticKeywords(rng, 1000)])];
    expectSameHits(keywords, [denseText(rng, keywords, MIB), randomBytes(rng, 64 * 1024)]);
  });

  it('with no keyword, one keyword, and keywords holding regex syntax', () => {
    const rng = seededRng(7);
    const odd = ['openai.azure.com', 'a+b', '(x)', '[k]', 'c\\d', 'e$', '^f', 'g|h', '{i}', '*', '?'];
    const text = denseText(rng, odd, 50_000);
    expectSameHits([], [text]);
    expectSameHits(['key'], [text, denseText(rng, ['key', 'ke'], 10_000)]);
    expectSameHits(odd, [text]);
  });

  it('after a larger input, and with two prefilters taking turns (each its own table)', () => {
    const rng = seededRng(8);
    const a = buildWasmBytePrefilter(NESTED);
    const b = buildWasmBytePrefilter(DETECTOR_KEYWORDS);
    const large = denseText(rng, NESTED, MIB);
    const small = Buffer.from('x api_key y');
    hitsOf(a, large);
    expect(hitsOf(b, small)).toEqual(hitsOf(buildJsBytePrefilter(DETECTOR_KEYWORDS), small));
    expect(hitsOf(a, small)).toEqual([['api_key', 2]]);
    expect(hitsOf(a, large)).toEqual(hitsOf(buildJsBytePrefilter(NESTED), large));
  });
});

describe('buildBytePrefilter', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('runs the WebAssembly matcher by default, the reference under KEY_HYGIENE_PREFILTER=js', () => {
    const wasm = vi.spyOn(bytePrefilters, 'wasm');
    const js = vi.spyOn(bytePrefilters, 'js');
    vi.stubEnv('KEY_HYGIENE_PREFILTER', '');
    buildBytePrefilter(DETECTOR_KEYWORDS);
    expect([wasm.mock.calls.length, js.mock.calls.length]).toEqual([1, 0]);
    vi.stubEnv('KEY_HYGIENE_PREFILTER', 'js');
    const text = Buffer.from('AWS_SECRET_ACCESS_KEY=… ghp_');
    expect(hitsOf(buildBytePrefilter(DETECTOR_KEYWORDS), text)).toEqual(
      hitsOf(buildWasmBytePrefilter(DETECTOR_KEYWORDS), text),
    );
    expect([wasm.mock.calls.length, js.mock.calls.length]).toEqual([1, 1]);
    expect(chooseBytePrefilter(DETECTOR_KEYWORDS, undefined)).toBe('wasm');
  });

  it('keeps the reference for a non-ASCII keyword, whose case the compiled matcher does not fold', () => {
    expect(chooseBytePrefilter(['clé', 'token'], undefined)).toBe('js');
    const text = Buffer.from('CLÉ token clé', 'latin1');
    expect(hitsOf(buildBytePrefilter(['clé', 'token']), text)).toEqual([
      ['clé', 0],
      ['token', 4],
      ['clé', 10],
    ]);
  });
});
