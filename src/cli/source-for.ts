import type { Source } from '../sources/source.js';
import type { CliSettings } from './parse-args.js';

/**
 * The source the CLI's flags name: the path's working tree, or --staged, --range or --history in its
 * repository. Only the one asked for is loaded.
 */
export async function sourceFor(settings: Pick<CliSettings, 'root' | 'mode' | 'range'>): Promise<Source> {
  switch (settings.mode) {
    case 'tree':
      return (await import('../sources/tree-source.js')).treeSource(settings.root);
    case 'staged':
      return (await import('../sources/staged-source.js')).stagedSource(settings.root);
    case 'range':
      return (await import('../sources/range-source.js')).rangeSource(settings.root, settings.range!);
    case 'history':
      return (await import('../sources/history-source.js')).historySource(settings.root);
  }
}
