import * as React from 'react';
import { Button, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import type { KitText } from './kit-text';
import type { AdminDetail } from './use-admin-detail';

export const DetailSection = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="stretch" gap={3}>
    <Typography variant="delta" tag="h3">
      {title}
    </Typography>
    {children}
  </Flex>
);

/** How a list page drives the detail of the row it opened. */
export interface DetailModalBinding {
  /** The picked entry; the modal is closed while null. */
  documentId: string | null;
  onClose(): void;
  /** An action changed the entry: the list behind should re-read. */
  onChanged(): void;
}

interface Props<Entry> extends DetailModalBinding {
  text: KitText;
  /** The picked entry as read from the server. */
  detail: AdminDetail<Entry>;
  /** Wider content (e.g. facts beside a timeline) needs more than the default 83rem. */
  maxWidth: string;
  title(entry: Entry): string;
  /** Beside the title, e.g. the status. */
  badge(entry: Entry): React.ReactNode;
  /** Buttons after 关闭 in the footer. */
  actions?: React.ReactNode;
  /**
   * Dialogs opened from the footer, inside the modal so they stack above it. `done` takes the
   * entry an action answered with: shown at once, and the list is told.
   */
  dialogs?(entry: Entry, done: (changed: Entry) => void): React.ReactNode;
  /** The loaded entry's sections, stacked; the error or the loader shows until it is there. */
  children(entry: Entry): React.ReactNode;
}

/** An entry opened from a list: its facts, or why they could not be loaded, and what may be done to it. */
export function DetailModal<Entry>(props: Props<Entry>) {
  const { documentId, onClose, onChanged, text, detail, maxWidth, title, badge, actions, dialogs, children } = props;
  const { t, describeProblem } = text;
  const entry = detail.data;
  const done = (changed: Entry) => {
    detail.replace(changed);
    onChanged();
  };
  return (
    <Modal.Root open={documentId !== null} onOpenChange={(next) => (next ? undefined : onClose())}>
      <Modal.Content style={{ maxWidth }}>
        <Modal.Header closeLabel={t('detail.close')}>
          <Flex gap={3}>
            <Modal.Title>{entry ? title(entry) : t('detail.loading')}</Modal.Title>
            {entry ? badge(entry) : null}
          </Flex>
        </Modal.Header>
        <Modal.Body>
          {entry ? (
            <Flex direction="column" alignItems="stretch" gap={6}>
              {children(entry)}
            </Flex>
          ) : detail.error ? (
            <Typography textColor="danger600" role="alert">
              {describeProblem(detail.error, 'error.detailFailed')}
            </Typography>
          ) : detail.isLoading ? (
            <Flex justifyContent="center" padding={8}>
              <Loader>{t('detail.loading')}</Loader>
            </Flex>
          ) : null}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('detail.close')}</Button>
          </Modal.Close>
          {actions}
        </Modal.Footer>
        {entry && dialogs ? dialogs(entry, done) : null}
      </Modal.Content>
    </Modal.Root>
  );
}
