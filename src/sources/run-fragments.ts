import type { Fragment } from '../types.js';

/** Characters of the neighbouring text a fragment cut from a long run carries before and after its own part. */
export interface RunContext {
  before: number;
  after: number;
}

/** What a fragment of a run names besides its text: its file and commit. */
export type FragmentLabel = Omit<
  Fragment,
  'text' | 'startLine' | 'lineNumbers' | 'startColumn' | 'reportFrom' | 'reportTo'
>;

/** Builds the fragments of one run of added lines, which may arrive a line or a piece of a line at a time. */
export interface RunFragments {
  /** Starts a line (numbered as in the new file) with the first piece of its text. */
  addLine(text: string, lineNumber: number): void;
  /** More text of the line last started (a line longer than a read arrives in pieces). */
  append(text: string): void;
  /** Ends the run: its last fragment owns what is left. */
  end(): void;
  readonly empty: boolean;
}

/**
 * Cuts a run of added lines into fragments of about `maxChars` characters of their own, wherever
 * the size falls (mid-line too: a minified bundle is one line), so memory stays flat. Each carries
 * `context` characters of its neighbours' text around its own part (`reportFrom`/`reportTo`) and
 * the line and column its text starts at, so a key or PEM block across a cut is found whole, once,
 * at its true position.
 */
export function createRunFragments(
  label: () => FragmentLabel,
  emit: (f: Fragment) => void,
  maxChars: number,
  context: RunContext,
): RunFragments {
  let text = '';
  let numbers: number[] = [];
  let startColumn = 0;
  let reportFrom = 0;
  let ownEnd = -1; // once the fragment is full: where its own part ends; -1 before

  function push(reportTo?: number): void {
    emit({
      ...label(),
      text,
      startLine: numbers[0]!,
      lineNumbers: numbers,
      ...(startColumn > 0 && { startColumn }),
      ...(reportFrom > 0 && { reportFrom }),
      ...(reportTo !== undefined && { reportTo }),
    });
  }

  function add(piece: string): void {
    text += piece;
    if (ownEnd < 0 && text.length - reportFrom >= maxChars) ownEnd = text.length;
    if (ownEnd >= 0 && text.length - ownEnd >= context.after) cut();
  }

  /** The full fragment has its context after: emit it, and keep the end of its own part as the next one's context before. */
  function cut(): void {
    push(ownEnd);
    const keep = Math.max(0, ownEnd - context.before);
    let lines = 0;
    let lastNewline = -1;
    for (let i = text.indexOf('\n'); i !== -1 && i < keep; i = text.indexOf('\n', i + 1)) {
      lines++;
      lastNewline = i;
    }
    numbers = numbers.slice(lines);
    startColumn = lastNewline >= 0 ? keep - lastNewline - 1 : startColumn + keep;
    text = text.slice(keep);
    reportFrom = ownEnd - keep;
    ownEnd = -1;
    if (text.length - reportFrom >= maxChars) ownEnd = text.length;
  }

  return {
    addLine(first, lineNumber) {
      const separator = numbers.length > 0 ? '\n' : '';
      numbers.push(lineNumber);
      add(separator + first);
    },
    append: add,
    end() {
      if (numbers.length > 0) push();
      text = '';
      numbers = [];
      startColumn = 0;
      reportFrom = 0;
      ownEnd = -1;
    },
    get empty() {
      return numbers.length === 0;
    },
  };
}
