import { readCacheBarrier } from '../runtime/read-cache';

/** `global::read-cache`: a write's cache invalidations finish before its response goes out. */
export default () => readCacheBarrier();
