import { describe, expect, it } from 'vitest';
import type { KeyDecision } from '../../src/inventory/decision.js';
import { mentionedTeams } from '../../src/tracking/mentioned-teams.js';
import { planAssignees } from '../../src/tracking/plan-assignees.js';
import { policy } from './scenario.js';
import { MAX_TEAMS_READ, teamKey, type TeamRoster, type TeamRosters } from '../../src/tracking/team-rosters.js';

const teams: TeamRosters = new Map<string, TeamRoster | 'unreadable'>([
  ['acme/security', { members: ['sam', 'Sue', 'mona'], more: false }],
  ['acme/big', { members: Array.from({ length: 100 }, (_, i) => `dev${i}`), more: true }],
  ['acme/secret', 'unreadable'],
]);

describe('planAssignees', () => {
  it('assigns users named directly first, then team members in order, once each, never bots', () => {
    expect(planAssignees(['@acme/security', '@Mona', '@renovate[bot]'], teams)).toEqual({
      assign: { logins: ['Mona', 'sam', 'Sue'], max: 10 },
      note: '',
    });
  });

  it('leaves out who is assigned already, and only fills the room left', () => {
    expect(planAssignees(['@acme/security'], teams, ['SAM', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7'])).toEqual({
      assign: { logins: ['Sue', 'mona'], max: 2 },
      note: '',
    });
    expect(
      planAssignees(
        ['@acme/security'],
        teams,
        Array.from({ length: 10 }, (_, i) => `x${i}`),
      ).assign,
    ).toBeUndefined();
  });

  it('an unreadable or unknown team assigns nobody and adds no note: it stays a mention', () => {
    expect(planAssignees(['@acme/secret', '@acme/unknown'], teams)).toEqual({ note: '' });
    expect(planAssignees(['@acme/security'], undefined)).toEqual({ note: '' });
  });

  it('bounds the candidates and says when more people are named than GitHub can assign', () => {
    const plan = planAssignees(['@acme/big'], teams);
    expect(plan.assign).toEqual({ logins: Array.from({ length: 30 }, (_, i) => `dev${i}`), max: 10 });
    expect(plan.note).toBe(
      'GitHub allows 10 assignees per issue: the first 10 who can be assigned are; `@acme/big` has more than 100 members.',
    );
    expect(planAssignees(['@acme/big'], teams, ['a', 'b']).note).toMatch(
      /^GitHub allows 10 assignees per issue \(2 assigned already\): the first 8 who can be assigned are;/,
    );
  });
});

describe('teamKey', () => {
  it('keys teams in lower case and ignores users', () => {
    expect(teamKey('@Acme/Security')).toBe('acme/security');
    expect(teamKey('@mona')).toBeUndefined();
    expect(teamKey('@a/b/c')).toBeUndefined();
  });
});

describe('mentionedTeams', () => {
  const decision = (status: KeyDecision['status'], owners: string[]): KeyDecision => ({
    kind: 'key',
    status,
    level: 'error',
    secret: 'OPENAI_API_KEY',
    owners,
    message: '',
  });
  const escalating = { ...policy, 'escalate-to': ['@acme/Security', 'mona'] };

  it('reads the teams of keys with a problem and of escalate-to, escalate-to first; none when nothing is wrong', () => {
    expect(mentionedTeams([decision('overdue', ['@acme/payments', 'carol'])], escalating)).toEqual([
      'acme/security',
      'acme/payments',
    ]);
    expect(mentionedTeams([decision('ok', ['@acme/payments'])], escalating)).toEqual([]);
    expect(mentionedTeams([decision('overdue', [])], escalating, { codeowners: ['@acme/web'] })).toEqual([
      'acme/security',
      'acme/web',
    ]);
  });

  it('reads a bounded number of teams, however many CODEOWNERS names', () => {
    const many = Array.from({ length: 500 }, (_, i) => `@acme/team-${i}`);
    expect(mentionedTeams([decision('overdue', [])], policy, { codeowners: many })).toHaveLength(MAX_TEAMS_READ);
  });
});
