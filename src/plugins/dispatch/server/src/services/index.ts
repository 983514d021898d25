import acceptPolicy from './accept-policy';
import alerts from './alerts';
import blocks from './blocks';
import candidates from './candidates';
import dispatchConsole from './console';
import dispatchEvents from './dispatch-events';
import dispatchSettings from './dispatch-settings';
import dispatcher from './dispatcher';
import mediaPort from './media-port';
import offers from './offers';
import peoplePort from './people-port';
import recommendations from './recommendations';
import schedule from './schedule';
import workerDirectory from './worker-directory';
import workerSelf from './worker-self';

export default {
  'accept-policy': acceptPolicy,
  alerts,
  blocks,
  candidates,
  console: dispatchConsole,
  'dispatch-events': dispatchEvents,
  'dispatch-settings': dispatchSettings,
  dispatcher,
  'media-port': mediaPort,
  offers,
  'people-port': peoplePort,
  recommendations,
  schedule,
  'worker-directory': workerDirectory,
  'worker-self': workerSelf,
};
