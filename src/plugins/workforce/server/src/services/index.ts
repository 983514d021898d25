import application from './application';
import audit from './audit';
import certificateWatch from './certificate-watch';
import mediaPort from './media-port';
import notices from './notices';
import workerAdmin from './worker-admin';

export default {
  application,
  audit,
  'certificate-watch': certificateWatch,
  'media-port': mediaPort,
  notices,
  'worker-admin': workerAdmin,
};
