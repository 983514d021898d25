import * as React from 'react';
import { Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { toRequestProblem } from './api-error';
import type { KitText } from './kit-text';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  canConfirm: boolean;
  /** Runs the request; a thrown error keeps the dialog open with the server's message. */
  onConfirm(): Promise<void>;
  /** Each time the dialog opens, e.g. to start from an empty form. */
  onOpen?(): void;
  text: KitText;
  children: React.ReactNode;
}

/** A confirmation dialog that stays open on failure and shows why, instead of a toast that vanishes. */
export function ConfirmDialog({ open, onOpenChange, title, confirmLabel, danger, canConfirm, onConfirm, onOpen, text, children }: ConfirmDialogProps) {
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const onOpenRef = React.useRef(onOpen);
  onOpenRef.current = onOpen;

  React.useEffect(() => {
    if (!open) return;
    setError(null);
    onOpenRef.current?.();
  }, [open]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (err) {
      setError(text.describeProblem(toRequestProblem(err), 'error.actionFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={(next) => !busy && onOpenChange(next)}>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill={danger ? 'danger600' : 'warning600'} />}>
          <Flex direction="column" alignItems="stretch" gap={4} width="100%">
            {children}
            {error ? (
              <Typography role="alert" textColor="danger600" data-testid="action-error">
                {error}
              </Typography>
            ) : null}
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary" disabled={busy}>
              {text.t('action.back')}
            </Button>
          </Dialog.Cancel>
          <Button fullWidth variant={danger ? 'danger-light' : 'default'} loading={busy} disabled={!canConfirm} onClick={confirm}>
            {confirmLabel}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
}
