import type { Actor } from '@one-window/shared';

/** People of the demo catalog's Xincheng district hall (hall-150102) and its market regulator. */
export const DEMO_ACTORS = {
  clerk: { userId: 'clerk-wang', name: '王丽', role: 'clerk', hall: 'hall-150102' },
  otherHallClerk: { userId: 'clerk-zhao', name: '赵敏', role: 'clerk', hall: 'hall-150100' },
  approver: { userId: 'approver-li', name: '李强', role: 'approver', department: '150102-market-regulation' },
  approver2: {
    userId: 'approver-bao',
    name: '宝音',
    role: 'approver',
    department: '150102-market-regulation',
  },
  head: { userId: 'head-chen', name: '陈军', role: 'head', department: '150102-market-regulation' },
  civilAffairsApprover: {
    userId: 'approver-su',
    name: '苏和',
    role: 'approver',
    department: '150102-civil-affairs',
  },
  reviewer: { userId: 'reviewer-liu', name: '刘芳', role: 'reviewer', hall: 'hall-150102' },
  admin: { userId: 'admin', name: '管理员', role: 'admin' },
} as const satisfies Record<string, Actor>;

/** 食品经营许可（新办）: promised 5 / statutory 10 working days, three steps, `safety-rules` may be missing (容缺). */
export const FOOD_LICENCE = '11150102DEM000004X4DEM000000004';
/** 个体工商户设立登记: promised 1 / statutory 3 working days, one step. */
export const INDIVIDUAL_BUSINESS = '11150102DEM000004X4DEM000000005';
