import { SCAN_CONTEXT } from '../scan/scan-context.js';
import type { Fragment } from '../types.js';
import { createRunFragments, type FragmentLabel, type RunContext } from './run-fragments.js';
import { parseCommitMarker, type CommitInfo } from './commit-marker.js';
import { unquoteGitPath } from './unquote-git-path.js';

/**
 * An incremental parser of `git log -p -U0` (with the commit marker format) and of
 * `git diff --cached -U0` output. It is pure: text in, fragments out, no I/O.
 *
 * What it yields, per file per commit: the ADDED lines only, each run of contiguous added lines
 * of a hunk as one fragment with the new-file number of every line — or, past about 1 MiB, as
 * overlapping fragments cut anywhere, mid-line too (see run-fragments.ts). A line longer than
 * LONG_LINE is taken in pieces as git prints it, so memory stays flat whatever a line's length.
 * Removed and context lines never count. Skipped without output: binary diffs, deleted files (`+++ /dev/null`), mode-only
 * changes and pure renames (no hunks), and submodules (gitlink mode 160000, "Subproject commit").
 *
 * Line endings: the parser splits on "\n" and drops ONE trailing "\r" from each added line, so a
 * CRLF file yields the same text as an LF file; a key followed by "\r" is still whole (detector
 * patterns stop at "\r" anyway). "\ No newline at end of file" markers are ignored.
 *
 * Merges: `git log -p` prints no diff for a merge commit by default, so lines written only in a
 * merge (an "evil merge" or a conflict resolution) are not seen; the lines a merge brings in are
 * found in the commits of the merged branch.
 */
export interface DiffParser {
  /** Feeds any piece of output (a line with its "\n", many lines, half a line); returns the fragments it completed. */
  write(chunk: string): Fragment[];
  /** Feeds one line without its "\n". */
  writeLine(line: string): Fragment[];
  /** Ends the input (a last line without "\n" is taken whole); returns the last fragments. */
  end(): Fragment[];
  /** Commit headers seen so far. */
  readonly commits: number;
  /** The file and commit whose added lines a hunk starting now would yield (none for a binary, deleted or submodule diff). */
  reading(): FragmentLabel | undefined;
}

/**
 * A run of added lines is split into fragments of about this many characters, to bound memory.
 * Each carries text of its neighbours around its own (see `Fragment.reportFrom`), so a PEM block
 * or a keyword window across a split is still seen whole.
 */
const MAX_FRAGMENT_CHARS = 1 << 20;
/** A line longer than this is taken a piece at a time as git prints it, so a minified bundle never sits whole in memory. */
const LONG_LINE = 64 * 1024;
const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const SUBPROJECT_LINE = /^Subproject commit [0-9a-f]{40,64}(?:-dirty)?$/;
const GITLINK_MODE = / 160000$/;

interface FileState {
  path: string | undefined;
  skip: boolean;
}

interface HunkState {
  oldLeft: number;
  newLeft: number;
  nextLine: number;
  emit: boolean;
}

/** Parses a whole diff at once: for tests and small inputs. */
export function parseDiff(text: string, context?: RunContext): Fragment[] {
  const parser = createDiffParser(context);
  return [...parser.write(text), ...parser.end()];
}

export function createDiffParser(context: RunContext = SCAN_CONTEXT): DiffParser {
  let rest = '';
  let commits = 0;
  let commit: CommitInfo | undefined;
  let file: FileState | undefined;
  let hunk: HunkState | undefined;
  let out: Fragment[] = [];
  const run = createRunFragments(
    () => ({ path: file!.path!, ...commit }),
    (f) => out.push(f),
    MAX_FRAGMENT_CHARS,
    context,
  );
  /** The hunk line longer than LONG_LINE now arriving in pieces: its sign, and whether its text is added or only counted. */
  let streaming: { sign: string; add: boolean } | undefined;
  let heldCr = false;

  /** The run of added lines ended: its last fragment owns the rest. */
  function flush(): void {
    run.end();
  }

  function addLine(text: string, lineNumber: number): void {
    const content = text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text; // 13: "\r"
    if (content.charCodeAt(0) === 83 && SUBPROJECT_LINE.test(content)) return; // 83: "S"
    run.addLine(content, lineNumber);
  }

  /** Takes the long hunk line in `rest` a piece at a time from now on, when it is one. */
  function startStreaming(): void {
    const h = hunk;
    const sign = rest[0]!;
    const added = sign === '+' && h !== undefined && h.newLeft > 0;
    const counted = (sign === '-' && h?.oldLeft) || (sign === ' ' && h?.oldLeft && h.newLeft);
    if (!h || (!added && !counted)) return;
    streaming = { sign, add: added && h.emit };
    if (streaming.add) run.addLine('', h.nextLine);
    const first = rest.slice(1);
    rest = '';
    feed(first, false);
  }

  /** A piece of the streamed line; `ends` when its newline came. One CR before the newline is dropped. */
  function feed(piece: string, ends: boolean): void {
    const line = streaming!;
    if (line.add) {
      let data = heldCr ? `\r${piece}` : piece;
      heldCr = data.charCodeAt(data.length - 1) === 13 && !ends;
      if (data.charCodeAt(data.length - 1) === 13) data = data.slice(0, -1);
      run.append(data);
    }
    if (!ends) return;
    streaming = undefined;
    heldCr = false;
    if (!line.add) return void readLine(line.sign); // counts it as the hunk line it is
    const h = hunk!;
    h.newLeft--;
    h.nextLine++;
    if (h.oldLeft === 0 && h.newLeft === 0) endHunk();
  }

  /** Returns false when the line is not part of the hunk (a malformed count): it is then read as a header. */
  function hunkLine(h: HunkState, line: string): boolean {
    const sign = line[0];
    if (sign === '+' && h.newLeft > 0) {
      if (h.emit) addLine(line.slice(1), h.nextLine);
      h.newLeft--;
      h.nextLine++;
    } else if (sign === '-' && h.oldLeft > 0) {
      flush();
      h.oldLeft--;
    } else if (sign === ' ' && h.oldLeft > 0 && h.newLeft > 0) {
      flush(); // context lines appear only if a user's diff.interHunkContext merged two hunks
      h.oldLeft--;
      h.newLeft--;
      h.nextLine++;
    } else if (sign !== '\\') {
      return false;
    }
    if (h.oldLeft === 0 && h.newLeft === 0) endHunk();
    return true;
  }

  function endHunk(): void {
    flush();
    hunk = undefined;
  }

  function headerLine(line: string): void {
    const marker = parseCommitMarker(line);
    if (marker) {
      commits++;
      commit = marker;
      file = undefined;
    } else if (line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
      file = { path: undefined, skip: line.startsWith('diff --c') };
    } else if (!file) {
      return;
    } else if (line.startsWith('@@ ')) {
      startHunk(file, line);
    } else if (line.startsWith('+++ ')) {
      setNewPath(file, line.slice(4));
    } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
      file.path = unquoteGitPath(line.slice(line.indexOf(' to ') + 4));
    } else if (line.startsWith('deleted file mode ') || line.startsWith('Binary files ') || GITLINK_MODE.test(line)) {
      file.skip = true;
    }
  }

  function startHunk(f: FileState, line: string): void {
    const m = HUNK_HEADER.exec(line);
    if (!m) return;
    const oldLeft = m[1] === undefined ? 1 : Number(m[1]);
    const newLeft = m[3] === undefined ? 1 : Number(m[3]);
    if (oldLeft === 0 && newLeft === 0) return;
    hunk = { oldLeft, newLeft, nextLine: Number(m[2]), emit: !f.skip && f.path !== undefined };
  }

  function readLine(line: string): void {
    if (hunk && hunkLine(hunk, line)) return;
    if (hunk) endHunk();
    headerLine(line);
  }

  function take(): Fragment[] {
    const done = out;
    out = [];
    return done;
  }

  return {
    write(chunk) {
      let start = 0;
      if (streaming) {
        const nl = chunk.indexOf('\n');
        feed(nl === -1 ? chunk : chunk.slice(0, nl), nl !== -1);
        if (nl === -1) return take();
        start = nl + 1;
      }
      for (let nl = chunk.indexOf('\n', start); nl !== -1; nl = chunk.indexOf('\n', start)) {
        readLine(rest + chunk.slice(start, nl));
        rest = '';
        start = nl + 1;
      }
      rest += chunk.slice(start);
      if (rest.length > LONG_LINE) startStreaming();
      return take();
    },
    writeLine(line) {
      if (streaming) feed(line, true);
      else readLine(line);
      return take();
    },
    end() {
      if (streaming) feed('', true);
      else if (rest) readLine(rest);
      rest = '';
      if (hunk) endHunk();
      return take();
    },
    get commits() {
      return commits;
    },
    reading() {
      return file && !file.skip && file.path !== undefined ? { path: file.path, ...commit } : undefined;
    },
  };
}

/**
 * `+++ b/<path>`: git appends a tab when the path holds a space (for GNU patch), quotes it when
 * it holds special characters, and `/dev/null` means the file was deleted.
 */
function setNewPath(file: FileState, printed: string): void {
  const name = unquoteGitPath(printed.endsWith('\t') ? printed.slice(0, -1) : printed);
  if (name === '/dev/null') file.skip = true;
  else file.path = name.startsWith('b/') ? name.slice(2) : name;
}
