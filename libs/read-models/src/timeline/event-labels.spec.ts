import type { CaseEvent } from '@one-window/case';
import { describeEvent } from './event-labels.js';

describe('timeline details name materials and departments, not their codes (issue 11 item 2)', () => {
  const names = {
    material: (code: string) => ({ 'layout-and-process': '经营场所布局及流程图' })[code] ?? code,
    department: (id: string) => ({ '150102-market-regulation': '新城区市场监督管理局' })[id] ?? id,
  };

  it('a correction notice lists the materials by name', () => {
    const event = {
      type: 'case.CorrectionRequested',
      data: { items: [{ code: 'layout-and-process', problem: '不清晰' }], correctBy: '2026-03-09' },
    } as unknown as CaseEvent;
    const { zh, en } = describeEvent(event, names);
    expect(zh).toContain('经营场所布局及流程图（不清晰）');
    expect(zh).not.toContain('layout-and-process');
    expect(en).toContain('经营场所布局及流程图 (不清晰)');
  });

  it('a task names its department', () => {
    const event = {
      type: 'case.TaskCreated',
      data: { label: '审查', department: '150102-market-regulation', stepDueDate: '2026-03-10' },
    } as unknown as CaseEvent;
    expect(describeEvent(event, names).zh).toContain('新城区市场监督管理局');
    expect(describeEvent(event).zh).toContain('150102-market-regulation'); // without names: the id
  });
});
