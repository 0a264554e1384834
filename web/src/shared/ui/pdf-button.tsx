import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A link to a PDF the server renders, opened in a new tab. */
export function PdfButton({
  href,
  children,
  compact = false,
}: {
  href: string;
  children: ReactNode;
  compact?: boolean;
}) {
  return (
    <Button
      component="a"
      href={href}
      target="_blank"
      rel="noopener"
      variant="default"
      size={compact ? 'compact-sm' : 'sm'}
      leftSection={<IconDownload size={compact ? 14 : 16} aria-hidden />}
    >
      {children}
    </Button>
  );
}
