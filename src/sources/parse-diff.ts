import { SCAN_CONTEXT } from '../scan/scan-context.js';
import type { Fragment } from '../types.js';
import { parseCommitMarker, type CommitInfo } from './commit-marker.js';
import { unquoteGitPath } from './unquote-git-path.js';

/**
 * An incremental parser of `git log -p -U0` (with the commit marker format) and of
 * `git diff --cached -U0` output. It is pure: text in, fragments out, no I/O.
 *
 * What it yields, per file per commit: the ADDED lines only, each run of contiguous added lines
 * of a hunk as one fragment with the new-file number of every line. Removed and context lines
 * never count. Skipped without output: binary diffs, deleted files (`+++ /dev/null`), mode-only
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
}

/**
 * A run of added lines is split into fragments of about this many characters, to bound memory.
 * Each carries lines of its neighbours around its own (see `Fragment.reportFrom`), so a PEM block
 * or a keyword window across a split is still seen whole.
 */
const MAX_FRAGMENT_CHARS = 1 << 20;
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
export function parseDiff(text: string, context?: LineContext): Fragment[] {
  const parser = createDiffParser(context);
  return [...parser.write(text), ...parser.end()];
}

/** Characters of neighbouring lines a fragment cut from a long run carries before and after its own lines. */
export interface LineContext {
  before: number;
  after: number;
}

export function createDiffParser(context: LineContext = SCAN_CONTEXT): DiffParser {
  let rest = '';
  let commits = 0;
  let commit: CommitInfo | undefined;
  let file: FileState | undefined;
  let hunk: HunkState | undefined;
  let lines: string[] = [];
  let numbers: number[] = [];
  let chars = 0;
  /** Characters of the neighbour's lines at the head of `lines` (context, not this fragment's own). */
  let reportFrom = 0;
  /** Once the fragment is full: how many of `lines` are its own, and their characters; -1 before. */
  let ownLines = -1;
  let ownChars = 0;
  let out: Fragment[] = [];

  function emit(reportTo?: number): void {
    out.push({
      path: file!.path!,
      text: lines.join('\n'),
      startLine: numbers[0]!,
      lineNumbers: numbers,
      ...(reportFrom > 0 && { reportFrom }),
      ...(reportTo !== undefined && { reportTo }),
      ...commit,
    });
  }

  /** The run of added lines ended: its last fragment owns the rest. */
  function flush(): void {
    if (lines.length === 0 || !file?.path) return;
    emit();
    lines = [];
    numbers = [];
    chars = 0;
    reportFrom = 0;
    ownLines = -1;
  }

  /** A full fragment has its context after: emit it, and keep its last own lines as the next one's context before. */
  function cut(): void {
    emit(ownChars);
    let keep = ownLines;
    let kept = 0;
    while (keep > 0 && kept < context.before) kept += lines[--keep]!.length + 1;
    lines = lines.slice(keep);
    numbers = numbers.slice(keep);
    chars -= ownChars - kept;
    reportFrom = kept;
    ownLines = -1;
    markFull();
  }

  function markFull(): void {
    if (ownLines >= 0 || chars - reportFrom < MAX_FRAGMENT_CHARS) return;
    ownLines = lines.length;
    ownChars = chars;
  }

  function addLine(text: string, lineNumber: number): void {
    const content = text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text; // 13: "\r"
    if (content.charCodeAt(0) === 83 && SUBPROJECT_LINE.test(content)) return; // 83: "S"
    lines.push(content);
    numbers.push(lineNumber);
    chars += content.length + 1;
    markFull();
    if (ownLines >= 0 && chars - ownChars >= context.after) cut();
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
      for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
        readLine(rest + chunk.slice(start, nl));
        rest = '';
        start = nl + 1;
      }
      rest += chunk.slice(start);
      return take();
    },
    writeLine(line) {
      readLine(line);
      return take();
    },
    end() {
      if (rest) readLine(rest);
      rest = '';
      if (hunk) endHunk();
      return take();
    },
    get commits() {
      return commits;
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
