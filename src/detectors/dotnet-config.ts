import type { Detector } from './detector.js';
import { isRealPassword } from './credential-rules.js';
import { remediation } from './credential-files.js';
import { isPlaceholder } from './placeholder.js';

// A slot a deployment fills in later: %VAR% (NuGet, Windows), #{Var} (Octopus), __Var__ (Azure Pipelines token
// replacement), @@Var@@, $VAR / ${VAR} / $(VAR) and the template syntaxes the placeholder check knows.
const SLOT = /^(?:%[\w.-]{1,80}%|#\{|__[\w.-]{1,80}__|@@|\$)|\$\{|\{\{|\$\(/;
const NOT_A_SECRET = /^(?:true|false|yes|no|none|null|empty|\*+)$/i;

/** A value really set in a config file: not a slot, a boolean, a URL, a filler or a placeholder. */
function isSetValue(value: string): boolean {
  if (value.length < 4 || new Set(value).size <= 2) return false;
  if (SLOT.test(value) || NOT_A_SECRET.test(value) || value.includes('://')) return false;
  return (
    isRealPassword(value) || (!isPlaceholder(value) && /password/i.test(value) && !/^(?:my)?password$/i.test(value))
  );
}

export const dotnetConfigPassword: Detector = {
  id: 'generic-dotnet-config-password',
  provider: 'generic',
  keyKind: 'Password in a .NET config appSettings entry',
  severity: 'high',
  risk: 'A password or token in a web, app or NuGet config file logs anyone who reads the repository in to that service.',
  remediation,
  keywords: ['<add'],
  // `<add key="SmtpPassword" value="…"/>` (appSettings) and NuGet's `<add key="ClearTextPassword" value="…"/>`:
  // the key's last word names a credential. Only in `.config` files, where .NET reads this syntax.
  pattern:
    /<add[ \t]{1,8}key[ \t]{0,3}=[ \t]{0,3}"[\w.:-]{0,80}?(?:password|passwd|pwd|secret|secret[._-]?key|token|api[._-]?key|access[._-]?key)"[ \t\r\n]{1,20}value[ \t]{0,3}=[ \t]{0,3}"(?<secret>[^"\r\n]{1,256})"/gi,
  window: { before: 8, after: 512 },
  redactPrefix: () => '',
  validate: (secret, { path }) => /\.config$/i.test(path) && isSetValue(secret),
  examples: {
    // Only `.config` files count, so the shared every-syntax examples cannot hold one: see test/detectors/credential-files.test.ts.
    positive: () => [],
    negative: [
      '<add key="SmtpPassword" value="" />',
      '<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />',
      '<add key="SmtpPassword" value="#{SmtpPassword}" />',
      '<add key="ApiToken" value="__ApiToken__" />',
      '<add key="SmtpPassword" value="changeme" />',
      '<add key="RequireToken" value="true" />',
    ],
    assignedTo: 'Web.config',
  },
};
