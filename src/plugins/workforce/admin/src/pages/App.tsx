import { Page } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../permissions';
import { WorkerAuditPage } from './WorkerAuditPage';

/** The menu link hides the page from roles without `plugin::workforce.read`; this guards a typed-in URL too. */
export const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <WorkerAuditPage />
  </Page.Protect>
);
