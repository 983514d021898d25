import order from './order';
import orderEvent from './order-event';
import workerSlot from './worker-slot';

export default {
  order,
  'order-event': orderEvent,
  'worker-slot': workerSlot,
};
