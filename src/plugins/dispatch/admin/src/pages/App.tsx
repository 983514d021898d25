import { Page } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../permissions';
import { DispatchBoardPage } from './DispatchBoardPage';

/** The menu link hides the page from roles without `plugin::dispatch.read`; this guards a typed-in URL too. */
export const App = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <DispatchBoardPage />
  </Page.Protect>
);
