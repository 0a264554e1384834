import { Box, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './kit.module.css';

/**
 * A table wider than its panel scrolls sideways, with its scrollbar shown whenever it does (a
 * person sees there is more). `stack` turns rows into cards on a phone (cells need `data-label`).
 */
export function TableScroll({
  minWidth,
  stack = false,
  children,
}: {
  minWidth: number;
  stack?: boolean;
  children: ReactNode;
}) {
  // A stacking table scrolls natively: on a phone its rows fit the screen and nothing scrolls.
  return stack ? (
    <Box className={classes.stack}>
      <Table.ScrollContainer minWidth={minWidth} type="native">
        {children}
      </Table.ScrollContainer>
    </Box>
  ) : (
    <Table.ScrollContainer
      minWidth={minWidth}
      scrollAreaProps={{ type: 'auto', viewportProps: { tabIndex: 0 } }}
    >
      {children}
    </Table.ScrollContainer>
  );
}
