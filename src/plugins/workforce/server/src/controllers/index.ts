import adminWorkers from './admin-workers';
import application from './application';

export default { application, 'admin-workers': adminWorkers };
