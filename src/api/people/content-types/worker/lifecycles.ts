import { searchIndexLifecycles } from '../../../catalog/search/reindex';

export default searchIndexLifecycles('api::people.worker');
