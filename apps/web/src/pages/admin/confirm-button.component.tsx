import { Button, type ButtonProps, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps extends ButtonProps {
  /** The button's words; the dialog's title and its confirm button repeat them. */
  children: string;
  /** What will happen, in words, before the person confirms. */
  message: ReactNode;
  onConfirm: () => void;
  /** Names the thing acted on for assistive technology where several such buttons share a page. */
  'aria-label'?: string;
}

/** A button for an action that is hard to undo: it asks first, in a dialog that traps focus. */
export function ConfirmButton({ children, message, onConfirm, ...buttonProps }: ConfirmButtonProps) {
  const { t } = useTranslation('admin');
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button {...buttonProps} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={children} centered>
        <Stack>
          <Text>{message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('confirm.cancel')}
            </Button>
            <Button
              color={buttonProps.color ?? 'red.9'}
              onClick={() => {
                close();
                onConfirm();
              }}
            >
              {t('confirm.yes', { action: children })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
