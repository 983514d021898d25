import eta from './eta';
import live from './live';
import tracking from './tracking';

export default { eta, live, tracking };
