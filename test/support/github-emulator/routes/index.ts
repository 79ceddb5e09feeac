import type { Route } from '../router.js';
import { appRoutes } from './apps.js';
import { assigneeRoutes } from './assignees.js';
import { checkRoutes } from './checks.js';
import { collaboratorRoutes } from './collaborators.js';
import { commitRoutes } from './commits.js';
import { environmentRoutes } from './environments.js';
import { gitRefRoutes } from './git-refs.js';
import { contentWriteRoutes } from './contents-write.js';
import { pullRoutes } from './pulls.js';
import { issueRoutes } from './issues.js';
import { repoRoutes } from './repos.js';
import { secretRoutes } from './secrets.js';
import { secretScanningRoutes } from './secret-scanning.js';

/** Every route the emulator serves; the conformance test checks each against GitHub's OpenAPI description. */
export const allRoutes: readonly Route[] = [
  ...appRoutes,
  ...repoRoutes,
  ...secretRoutes,
  ...environmentRoutes,
  ...issueRoutes,
  ...assigneeRoutes,
  ...checkRoutes,
  ...commitRoutes,
  ...collaboratorRoutes,
  ...gitRefRoutes,
  ...contentWriteRoutes,
  ...pullRoutes,
  ...secretScanningRoutes,
];
