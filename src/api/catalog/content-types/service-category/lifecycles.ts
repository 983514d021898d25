import { searchIndexLifecycles } from '../../search/reindex';

export default searchIndexLifecycles('api::catalog.service-category');
