import { CASE_COMMAND_TYPES, type CaseCommand } from '../commands.js';
import { validateCommand } from '../application/validate-command.js';
import { CASE_COMMANDS, COMMAND_DEFINITIONS, HTTP_COMMANDS } from './registry.js';
import { routeParams, TARGET_ID } from './command-definition.js';

describe('the command registry', () => {
  it('defines every command type exactly once', () => {
    expect(COMMAND_DEFINITIONS.map((d) => d.type).sort()).toEqual([...CASE_COMMAND_TYPES].sort());
    for (const [type, definition] of Object.entries(CASE_COMMANDS)) expect(definition.type).toBe(type);
  });

  it('gives each HTTP command its own route, and deadline commands none', () => {
    const routes = HTTP_COMMANDS.map((d) => `${d.target === 'new' ? 'case' : d.target}/${d.route}`);
    expect(new Set(routes).size).toBe(routes.length);
    for (const d of COMMAND_DEFINITIONS) {
      expect(d.route === null).toBe(d.roles.includes('system'));
      expect(d.labels.zh && d.labels.en).toBeTruthy();
    }
  });

  it('lets the engine hold the same limits as HTTP: one schema per command', () => {
    const deny = (reasons: number, authority: number): CaseCommand => ({
      type: 'DenyCase',
      caseId: 'c-1',
      reasons: Array.from({ length: reasons }, () => '理由'),
      remedies: { reviewAuthority: '政'.repeat(authority), court: '法院' },
    });
    expect(() => validateCommand(deny(50, 300))).not.toThrow();
    expect(() => validateCommand(deny(51, 300))).toThrow(
      expect.objectContaining({ code: 'invalid-command' }),
    );
    expect(() => validateCommand(deny(50, 301))).toThrow(/remedies\.reviewAuthority/);
    expect(() =>
      validateCommand({ type: 'ApproveCase', caseId: 'c-1', opinion: '意'.repeat(4000) }),
    ).not.toThrow();
    expect(() => validateCommand({ type: 'ApproveCase', caseId: 'c-1', opinion: '意'.repeat(4001) })).toThrow(
      /opinion/,
    );
  });

  it('checks the target id and the route numbers of a command', () => {
    expect(TARGET_ID[CASE_COMMANDS.ClaimTask.target]).toBe('taskId');
    expect(routeParams(CASE_COMMANDS.EndSpecialProcedure)).toEqual(['n']);
    expect(() =>
      validateCommand({ type: 'EndSpecialProcedure', caseId: 'c-1', n: 0, result: '检验合格' }),
    ).toThrow(/n must be a positive whole number/);
    expect(() => validateCommand({ type: 'ClaimTask', taskId: 'not an id' })).toThrow(
      /taskId is not a valid id/,
    );
  });
});
