import adminOrder from './admin-order';
import order from './order';

export default { order, 'admin-order': adminOrder };
