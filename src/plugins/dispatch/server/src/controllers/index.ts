import adminConsole from './admin-console';
import matching from './matching';
import meWorker from './me-worker';

export default { 'me-worker': meWorker, matching, 'admin-console': adminConsole };
