import type { Config } from './config-schema.js';

/**
 * The config as if the file were empty, written out so a scan without a config file never loads
 * the schema library (it costs ~140 ms of start-up). A test checks it equals the schema's defaults.
 */
export const defaultConfig: Config = {
  scan: {
    allow: { paths: [], regexes: [] },
    disable: [],
    severity: {},
    detectors: [],
    'max-file-size': '100MB',
  },
  keys: [],
  'rotate-every': '90d',
  'remind-before': '14d',
  'track-names': ['_(API_)?KEY$', '_TOKEN$', '_SECRET$', '^(API|ACCESS|SECRET)_?KEY'],
  reminders: { 'due-soon': '7d', overdue: '3d' },
  'escalate-after': '14d',
  'escalate-to': [],
  'max-snooze': '30d',
  approvers: [],
  dashboard: true,
  onboarding: 'off',
  'dry-run': false,
  'production-environments': '^prod',
  'org-secrets-repo': '.github',
};
