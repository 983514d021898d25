import { Page } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../permissions';
import { PaymentRecordsPage } from './PaymentRecordsPage';

/** The menu link hides the page from roles without `plugin::payments.read`; this guards a typed-in URL too. */
export const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <PaymentRecordsPage />
  </Page.Protect>
);
