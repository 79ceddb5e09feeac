/**
 * A finding's path (relative to the scanned root, forward slashes) as a SARIF relative URI
 * reference, to be resolved against `%SRCROOT%`. Each segment is percent-encoded, so spaces,
 * `#`, `?`, `%` and non-ASCII names survive a `decodeURIComponent` round trip, and a first
 * segment like `c:` is never read as a URI scheme (SARIF 2.1.0, section 3.10.2: artifactLocation.uri is a URI).
 */
export function toSarifUri(path: string): string {
  return path
    .replace(/^(?:\.\/)+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
