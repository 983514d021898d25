import im from './im';
import live from './live';
import mediaPort from './media-port';

export default { im, live, 'media-port': mediaPort };
