import cancellation from './cancellation';
import catalogLookup from './catalog-lookup';
import confirmation from './confirmation';
import dispatchPort from './dispatch-port';
import eligibility from './eligibility';
import evidence from './evidence';
import imPort from './im-port';
import loyaltyPort from './loyalty-port';
import modification from './modification';
import notify from './notify';
import operations from './operations';
import orderQuery from './order-query';
import paymentsPort from './payments-port';
import placeOrder from './place-order';
import quote from './quote';
import settlementPort from './settlement-port';
import trackingPort from './tracking-port';
import transition from './transition';
import unpaidTimeout from './unpaid-timeout';
import workerActions from './worker-actions';

export default {
  cancellation,
  'catalog-lookup': catalogLookup,
  confirmation,
  'dispatch-port': dispatchPort,
  eligibility,
  evidence,
  'im-port': imPort,
  'loyalty-port': loyaltyPort,
  modification,
  notify,
  operations,
  'order-query': orderQuery,
  'payments-port': paymentsPort,
  'place-order': placeOrder,
  quote,
  'settlement-port': settlementPort,
  'tracking-port': trackingPort,
  transition,
  'unpaid-timeout': unpaidTimeout,
  'worker-actions': workerActions,
};
