import { Button, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

const ACCEPT = '.csv,.txt,.tsv,.xlsx,.json,.ndjson,.xml,text/csv,application/json,application/xml';

/**
 * A file dropped here or chosen with the button (native drag events: @mantine/dropzone needs a
 * newer Node than Saldo supports). The button is the keyboard's and screen reader's way in.
 */
export function DropZone({ onFile, chosen }: { onFile: (file: File) => void; chosen: string | null }) {
  const { t } = useTranslation('imports');
  const [active, setActive] = useState(false);
  const over = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setActive(true);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setActive(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <Paper
      withBorder
      p="xl"
      radius="md"
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={() => setActive(false)}
      onDrop={drop}
      data-testid="import-drop-zone"
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: active ? 'var(--mantine-primary-color-filled)' : undefined,
        background: active ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <Stack align="center" gap="xs" ta="center">
        <IconFileUpload size={36} stroke={1.5} aria-hidden />
        <Text fw={600}>{active ? t('new.dropActive') : t('new.dropTitle')}</Text>
        {chosen && (
          <Text size="sm" aria-live="polite">
            {chosen}
          </Text>
        )}
        <Text size="sm" c="dimmed" maw={520}>
          {t('new.dropHint')}
        </Text>
        <Group>
          <FileButton onChange={(file) => file && onFile(file)} accept={ACCEPT}>
            {(props) => (
              <Button variant={chosen ? 'default' : 'filled'} {...props}>
                {chosen ? t('new.replace') : t('new.choose')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Stack>
    </Paper>
  );
}
