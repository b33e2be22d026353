import { demoCatalogDir, loadCatalog } from '@one-window/catalog';
import { resolveScope } from './open-users.js';

describe('one-window users: --scope against the catalog directory', () => {
  it('reads a hall for a clerk, a department for an approver, either for a reviewer', async () => {
    const { directory } = await loadCatalog(demoCatalogDir());
    expect(resolveScope(directory, 'clerk', 'hall-150102')).toEqual({ hall: 'hall-150102' });
    expect(resolveScope(directory, 'approver', '150102-market-regulation')).toEqual({
      department: '150102-market-regulation',
    });
    expect(resolveScope(directory, 'reviewer', 'hall-150102')).toEqual({ hall: 'hall-150102' });
    expect(resolveScope(directory, 'reviewer', '150102-civil-affairs')).toEqual({
      department: '150102-civil-affairs',
    });
    expect(() => resolveScope(directory, 'clerk', '150102-market-regulation')).toThrow(/not a hall/);
    expect(() => resolveScope(directory, 'head', 'hall-150102')).toThrow(/not a department/);
    expect(() => resolveScope(directory, 'admin', 'hall-150102')).toThrow(/no scope/);
  });
});
