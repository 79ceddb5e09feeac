/* global WebAssembly */
// The byte prefilter's cost as the keyword list grows: the compiled (WebAssembly) matcher and the
// plain-JavaScript reference over the same bytes, in-process, CPU time of the scan alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildJsBytePrefilter } from '../lib/scan/byte-prefilter.js';
import { prefilterWasm } from '../lib/scan/prefilter-wasm.generated.js';
import { buildWasmBytePrefilter } from '../lib/scan/wasm-byte-prefilter.js';

/** The tree scan reads files in pieces of about this size. */
const PIECE = 1 << 20;

/** The first `limit` bytes of the corpus's files, in sorted path order, as pieces of at most 1 MiB. */
export function corpusSample(corpus, limit) {
  const paths = readdirSync(corpus, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
  const pieces = [];
  let total = 0;
  for (const path of paths) {
    if (total >= limit) break;
    if (statSync(path).size === 0) continue;
    const bytes = readFileSync(path);
    for (let at = 0; at < bytes.length && total < limit; at += PIECE) {
      const piece = bytes.subarray(at, Math.min(at + PIECE, bytes.length, at + limit - total));
      pieces.push(piece);
      total += piece.length;
    }
  }
  return { pieces, bytes: total };
}

/**
 * `count` keywords: the detectors' own first, then synthetic ones of 3–20 characters shaped like
 * vendor prefixes (`abc_`, `xyzk-`) and environment-variable names (`acme_api_token`), from a
 * seeded generator so every run lists the same ones.
 */
export function keywordSet(own, count) {
  const words = ['api', 'key', 'token', 'secret', 'auth', 'access', 'private', 'client', 'pass', 'cred'];
  const more = ['session', 'webhook', 'signing', 'bearer', 'refresh', 'service', 'account', 'admin', 'pat'];
  const vocabulary = [...words, ...more];
  let seed = 0x9e3779b9;
  const next = (n) => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed % n;
  };
  const letters = (n) => Array.from({ length: n }, () => String.fromCharCode(97 + next(26))).join('');
  const list = [...new Set(own.map((k) => k.toLowerCase()))].slice(0, count);
  const seen = new Set(list);
  while (list.length < count) {
    const shape = next(3);
    const vendor = letters(2 + next(4));
    let k;
    if (shape === 0) k = `${vendor}_`;
    else if (shape === 1) k = `${vendor}${next(2) ? 'k' : ''}-`;
    else
      k = `${vendor}_${vocabulary[next(vocabulary.length)]}${next(2) ? `_${vocabulary[next(vocabulary.length)]}` : ''}`;
    k = k.slice(0, 20);
    if (k.length >= 3 && !seen.has(k)) {
      seen.add(k);
      list.push(k);
    }
  }
  return list;
}

/** CPU seconds (best of `runs`) for one prefilter to scan every piece, and the hits it found. */
export function timeScan(prefilter, pieces, runs) {
  let bestSeconds = Infinity;
  let hits = 0;
  prefilter.scan(pieces[0]); // build and instantiate outside the timing
  for (let r = 0; r < runs; r++) {
    hits = 0;
    const before = process.cpuUsage();
    for (const piece of pieces) hits += prefilter.scan(piece).count;
    const used = process.cpuUsage(before);
    bestSeconds = Math.min(bestSeconds, (used.user + used.system) / 1e6);
  }
  return { seconds: bestSeconds, hits };
}

export const matchers = { wasm: buildWasmBytePrefilter, js: buildJsBytePrefilter };

/** The module's size, the milliseconds to decode, compile and instantiate it, and to build a prefilter's table. */
export function loadCost(keywords) {
  const started = process.hrtime.bigint();
  const bytes = Buffer.from(prefilterWasm, 'base64');
  new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
  const loaded = process.hrtime.bigint();
  buildWasmBytePrefilter(keywords).scan(new Uint8Array(0));
  const built = process.hrtime.bigint();
  return { size: bytes.length, loadMs: Number(loaded - started) / 1e6, tableMs: Number(built - loaded) / 1e6 };
}
