import type { NewUser } from './users.store.js';

/**
 * One user per role for trying the product on the embedded store (README "Demo users").
 * Seeded only into an empty users stream of the embedded default; scopes are the demo
 * catalog's 新城区 hall and departments, plus a second hall to show jurisdiction.
 */
export const DEMO_USERS: readonly NewUser[] = [
  { username: 'clerk1', password: 'demo-clerk1', name: '王敏（窗口）', role: 'clerk', hall: 'hall-150102' },
  {
    username: 'clerk2',
    password: 'demo-clerk2',
    name: '李娜（市级窗口）',
    role: 'clerk',
    hall: 'hall-150100',
  },
  {
    username: 'approver1',
    password: 'demo-approver1',
    name: '张磊（市场监管审批）',
    role: 'approver',
    department: '150102-market-regulation',
  },
  {
    username: 'approver2',
    password: 'demo-approver2',
    name: '赵静（民政审批）',
    role: 'approver',
    department: '150102-civil-affairs',
  },
  {
    username: 'approver3',
    password: 'demo-approver3',
    name: '孙伟（人社审批）',
    role: 'approver',
    department: '150102-human-resources-social-security',
  },
  {
    username: 'head1',
    password: 'demo-head1',
    name: '刘强（市场监管负责人）',
    role: 'head',
    department: '150102-market-regulation',
  },
  {
    username: 'reviewer1',
    password: 'demo-reviewer1',
    name: '陈洁（好差评回访）',
    role: 'reviewer',
    hall: 'hall-150102',
  },
  { username: 'admin', password: 'demo-admin', name: '系统管理员', role: 'admin' },
];
