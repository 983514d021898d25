import { Page } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../permissions';
import { OrderMonitorPage } from './OrderMonitorPage';

/** The menu link hides the page from roles without `plugin::orders.read`; this guards a typed-in URL too. */
export const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <OrderMonitorPage />
  </Page.Protect>
);
