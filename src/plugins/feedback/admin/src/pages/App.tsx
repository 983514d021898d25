import { Page } from '@strapi/strapi/admin';
import { PAGE_PERMISSIONS } from '../permissions';
import { CustomerFeedbackPage } from './CustomerFeedbackPage';

/** The menu link hides the page from roles without either half; this guards a typed-in URL too. */
export const App = () => (
  <Page.Protect permissions={PAGE_PERMISSIONS}>
    <CustomerFeedbackPage />
  </Page.Protect>
);
