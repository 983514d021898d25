import type { CitySeed } from './types';

/** The three launch cities; centres are the AMap city centres (city government area). */
export const CITIES: readonly CitySeed[] = [
  { adcode: '110100', name: '北京', centerLat: 39.904989, centerLng: 116.405285, averageSpeedKmh: 22, sort: 1 },
  { adcode: '310100', name: '上海', centerLat: 31.231706, centerLng: 121.472644, averageSpeedKmh: 24, sort: 2 },
  { adcode: '330100', name: '杭州', centerLat: 30.287459, centerLng: 120.153576, averageSpeedKmh: 26, sort: 3 },
];
