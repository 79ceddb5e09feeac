import { historySource } from '../sources/history-source.js';
import { rangeSource } from '../sources/range-source.js';
import type { Source } from '../sources/source.js';
import { stagedSource } from '../sources/staged-source.js';
import { treeSource } from '../sources/tree-source.js';
import type { CliSettings } from './parse-args.js';

/** The source the CLI's flags name: the path's working tree, or --staged, --range or --history in its repository. */
export function sourceFor(settings: Pick<CliSettings, 'root' | 'mode' | 'range'>): Source {
  switch (settings.mode) {
    case 'tree':
      return treeSource(settings.root);
    case 'staged':
      return stagedSource(settings.root);
    case 'range':
      return rangeSource(settings.root, settings.range!);
    case 'history':
      return historySource(settings.root);
  }
}
