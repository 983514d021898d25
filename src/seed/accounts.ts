import type { AddressSeed, OperatorSeed, PointsEntrySeed } from './types';

/** Demo accounts. None of them is ever created when NODE_ENV=production. */
export const DEMO_PASSWORD = 'Demo12345!';

export const MEMBER = {
  email: 'member@demo.shangmen',
  username: 'member',
  nickname: '思雨',
  phone: '13800000000',
  profile: {
    name: '陈思雨',
    gender: 'female' as const,
    city: '310100' as const,
    note: '演示会员：住徐汇，家有一岁宝宝，常约日常保洁与空调清洗。',
    preferences: {
      categories: ['home-cleaning', 'appliance-repair', 'childcare'],
      timeWindows: [
        { weekday: 6, start: '09:00', end: '12:00' },
        { weekday: 7, start: '14:00', end: '18:00' },
      ],
      priceMin: 5000,
      priceMax: 50000,
      workerGender: 'female' as const,
    },
  },
};

export const MEMBER_ADDRESSES: readonly AddressSeed[] = [
  {
    contact: '陈思雨',
    phone: '13800000000',
    city: '310100',
    district: '徐汇区',
    detail: '肇嘉浜路 1065 弄 12 号 802 室',
    lat: 31.1993,
    lng: 121.4466,
    isDefault: true,
  },
  {
    contact: '王秀兰',
    phone: '13800000099',
    city: '310100',
    district: '浦东新区',
    detail: '张杨路 1500 弄 8 号 1101 室（父母家）',
    lat: 31.2296,
    lng: 121.5265,
    isDefault: false,
  },
];

/** Coupons granted to the member on the first run (codes from marketing.ts). */
export const MEMBER_COUPONS: readonly string[] = ['NEWUSER-20', 'CLEAN-150-20'];

/** The member's points ledger; balanceAfter is computed in order. */
export const MEMBER_POINTS: readonly PointsEntrySeed[] = [
  { ref: 'demo:register', delta: 100, reason: 'register', note: '新用户注册奖励' },
  { ref: 'demo:order-1', delta: 135, reason: 'order_completed', note: '日常保洁 3 小时订单完成' },
  { ref: 'demo:review-1', delta: 20, reason: 'review', note: '评价日常保洁订单' },
  { ref: 'demo:order-2', delta: 169, reason: 'order_completed', note: '空调清洗（两台）订单完成' },
  { ref: 'demo:adjust-1', delta: 300, reason: 'admin_adjust', note: '会员日活动奖励' },
];

export const DEFAULT_ADMIN = {
  email: 'admin@demo.shangmen',
  password: 'Admin12345!',
  firstname: '管理员',
  lastname: '演示',
};

/** Back-office staff; their admin roles are created by the app's bootstrap. */
export const OPERATORS: readonly OperatorSeed[] = [
  { email: 'kefu@demo.shangmen', firstname: '小安', lastname: '客服', roleName: '客服' },
  { email: 'caiwu@demo.shangmen', firstname: '会计', lastname: '财务', roleName: '财务' },
  { email: 'ops-sh@demo.shangmen', firstname: '上海', lastname: '运营', roleName: '城市运营', cities: ['310100'] },
];
