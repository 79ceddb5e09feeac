import type { Context, Probot } from 'probot';
import { trackedKeyFromId } from '../../src/tracking/key-issues/key-id.js';
import {
  answerRecheck,
  decideCommand,
  hasWriteAccess,
  mayChangeState,
} from '../../src/tracking/commands/decide-command.js';
import { parseIncidentMarker } from '../../src/tracking/incident-marker.js';
import { parseKeyMarker, replaceKeyMarker } from '../../src/tracking/key-marker.js';
import { sameLogin } from '../../src/tracking/key-issues/last-notice.js';
import { parseCommand } from '../../src/tracking/commands/parse-command.js';
import { isTeamApprover } from '../github/is-team-approver.js';
import type { AppOctokit } from '../octokit/octokit.js';
import type { AppDeps } from '../deps.js';
import { handleIncidentCommand } from './handle-incident-command.js';
import { handlerContext } from '../repo/handler-context.js';
import { alreadyAnswered } from './already-answered.js';
import { permissionOf } from './permission-of.js';
import { recheckKey } from './recheck-key.js';
import { commandWindowsOf, throttleCommand } from './throttle-command.js';

/**
 * A command in a comment on one of the bot's key issues (`/rotated`, `/snooze`, `/exempt`, `/status`,
 * `/help`) or leak incidents (`/resolved`, `/status`, `/rotated`, `/help`: routed to
 * {@link handleIncidentCommand}): decided by the engine with the actor's permission read from the
 * API, answered once — the reply records the comment it answers, so a redelivered webhook changes nothing.
 * Dry-run (`KEY_HYGIENE_DRY_RUN` or the policy's `dry-run`) logs the answer and the edit instead.
 */
export async function handleComment(
  context: Context<'issue_comment.created'>,
  app: Probot,
  deps: AppDeps,
): Promise<void> {
  const { comment, issue } = context.payload;
  const command = parseCommand(comment.body);
  const marker = parseKeyMarker(issue.body);
  // A key issue's marker wins: an incident marker pasted into one does not make it an incident.
  const incident = marker ? undefined : parseIncidentMarker(issue.body);
  if (!command || (!marker && !incident)) return;
  const h = handlerContext(context, app, deps);
  const botLogin = await h.botLogin();
  const isBot = comment.user?.type === 'Bot' || Boolean(comment.performed_via_github_app);
  if (isBot || sameLogin(comment.user?.login ?? '', botLogin) || !sameLogin(issue.user?.login ?? '', botLogin)) return;

  const { octokit, log } = h;
  const { owner, repo } = context.repo();
  const at = { owner, repo, issue_number: issue.number };
  // Before any request: a flood of commands costs no reads, and its answers no writes past the limits.
  const actor = comment.user?.login ?? '';
  // Only a plain `/help` is the same answer twice; a mistyped command gets its own correction.
  const corrects = command.name === 'help' && (command.unknown !== undefined || command.problem !== undefined);
  const throttled = await throttleCommand(commandWindowsOf(deps.clients), {
    installationId: context.payload.installation?.id ?? 0,
    repository: `${owner}/${repo}`,
    issue: issue.number,
    actor,
    command: corrects ? 'correction' : command.name,
    now: deps.now().getTime(),
    isWriter: async () => hasWriteAccess(await permissionOf(octokit, owner, repo, actor)),
  });
  if (throttled) return log(`not answering /${command.name} on ${owner}/${repo}#${issue.number}: ${throttled}`);
  if (await alreadyAnswered(octokit, at, comment.id, botLogin)) return;
  if (!marker) {
    const about = incident && { marker: incident, closed: issue.state === 'closed', createdAt: issue.created_at };
    if (about)
      await handleIncidentCommand({
        h,
        at,
        command,
        incident: about,
        comment: { id: comment.id, login: comment.user?.login ?? '' },
        botLogin,
        deps,
      });
    return;
  }

  const { policy, dryRun } = await h.policy(owner, repo);
  const now = deps.now();
  const actorLogin = comment.user?.login ?? '';
  const actorPermission = await permissionOf(octokit, owner, repo, actorLogin);
  // Teams in `approvers` cost a request each: asked only when the answer can change the decision.
  const changesState = command.name === 'snooze' || command.name === 'exempt';
  const isApprover =
    changesState &&
    !mayChangeState({ actorPermission, actorLogin, policy }) &&
    (await isTeamApprover(octokit, policy.approvers, actorLogin));
  const recheck = () => recheckKey({ run: h.sweepRun(botLogin, now), owner, repo, key: marker.key, deps });
  // An organisation secret's `/status` re-checks first (through the org pass) and answers from the marker as it is then.
  const seen =
    command.name === 'status' && trackedKeyFromId(marker.key)?.scope === 'org'
      ? ((await recheckedMarker(octokit, at, recheck)) ?? marker)
      : marker;
  const decide = (on: typeof marker) =>
    decideCommand(command, {
      actorPermission,
      actorLogin,
      isBot,
      botLogin,
      isApprover,
      policy,
      marker: on,
      now,
      commentId: comment.id,
    });
  const decision = decide(seen);
  const where = `${owner}/${repo}#${issue.number}`;
  const reply = async (body: string): Promise<void> => {
    if (dryRun) log(`dry-run: would answer /${command.name} on ${where} (${actorLogin})`);
    else await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...at, body });
  };

  switch (decision.type) {
    case 'ignore':
      return;
    case 'reply':
      await reply(decision.reply);
      return;
    case 'update': {
      if (dryRun) {
        log(
          `dry-run: would record /${command.name} in the description of ${where}${decision.close ? ' and close it' : ''} (${actorLogin})`,
        );
        return;
      }
      // Read, decide and write under the repository's lock, the one sweeps take: a sweep or another
      // command between this read and this write would otherwise be overwritten. Decided again on the
      // marker as it is now (the payload's may be stale); the reply waits until the lock is let go.
      const settled = await deps.lock(`${owner}/${repo}`, async () => {
        const { data: current } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', at);
        const fresh = parseKeyMarker(current.body);
        const again = fresh?.key === marker.key ? decide(fresh) : undefined;
        if (again?.type !== 'update') return again;
        const body = replaceKeyMarker(current.body ?? '', again.marker);
        await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
          ...at,
          body,
          ...(again.close && { state: 'closed' as const, state_reason: 'not_planned' as const }),
        });
        return again;
      });
      if (settled?.type === 'update' || settled?.type === 'reply') await reply(settled.reply);
      return;
    }
    case 'recheck': {
      const found = await recheck();
      const answer = answerRecheck(marker, found, comment.id);
      // Undefined: it was rotated, and the sweep closed the issue saying so.
      if (answer) await reply(answer);
    }
  }
}

/** Sweeps the key now, then reads the issue's marker as the sweep left it. */
async function recheckedMarker(
  octokit: AppOctokit,
  at: { owner: string; repo: string; issue_number: number },
  recheck: () => Promise<unknown>,
) {
  await recheck();
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', at);
  return parseKeyMarker(data.body);
}
