import { showControls } from '../src/report/show-controls.js';

/**
 * A line for the workflow log, made safe from whatever it quotes (file names, refs, git's and the
 * API's messages, config values). The runner reads the step's stdout line by line (split at `\n`
 * or `\r`) and takes as a command a line that starts with `::` after white space, or that holds
 * `##[` anywhere (the older syntax):
 * https://github.com/actions/runner/blob/main/src/Runner.Common/ActionCommand.cs
 * So every control character is written out (no line can start inside the text, no terminal
 * sequence reaches the log viewer), `##[` loses its meaning, and a line that would start with `::`
 * starts with a backslash instead.
 */
export function safeText(text: string): string {
  const shown = showControls(text).replace(/##\[/g, '##\\[');
  return /^\s*::/u.test(shown) ? `\\${shown}` : shown;
}
