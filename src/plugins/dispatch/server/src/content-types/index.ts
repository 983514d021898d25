import dispatchOffer from './dispatch-offer';
import dispatchTask from './dispatch-task';
import opsAlert from './ops-alert';
import workerBlock from './worker-block';

export default {
  'dispatch-task': dispatchTask,
  'dispatch-offer': dispatchOffer,
  'ops-alert': opsAlert,
  'worker-block': workerBlock,
};
