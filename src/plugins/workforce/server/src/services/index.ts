import application from './application';
import audit from './audit';
import mediaPort from './media-port';
import notices from './notices';
import workerAdmin from './worker-admin';

export default {
  application,
  audit,
  'media-port': mediaPort,
  notices,
  'worker-admin': workerAdmin,
};
