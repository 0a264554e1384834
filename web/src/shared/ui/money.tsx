import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useFormatters } from '../../app/format';
import classes from './kit.module.css';

/** An amount in minor units, formatted for the interface language; tabular figures. */
export function Money({
  minor,
  currency,
  ...text
}: {
  minor: number | bigint;
  currency: string;
  c?: string;
  fw?: number;
  size?: string;
  fz?: string | number;
}) {
  const format = useFormatters();
  return (
    <Text component="span" inherit={!text.size && !text.fz} className={classes.money} data-amount {...text}>
      {format.money(minor, currency)}
    </Text>
  );
}

/**
 * A big amount in a card or a document's header: it shrinks with its card rather than spill out
 * (the card, or any ancestor, needs `figureCardClass` for the container query).
 */
export function AmountFigure({
  children,
  size = 26,
  c,
  fw = 700,
  struck = false,
  mt,
}: {
  children: ReactNode;
  size?: number;
  c?: string;
  fw?: number;
  struck?: boolean;
  mt?: number | string;
}) {
  return (
    <Text
      component="div"
      data-amount
      className={classes.figure}
      style={{ '--figure-size': `${size}px` }}
      c={c}
      fw={fw}
      mt={mt}
      td={struck ? 'line-through' : undefined}
    >
      {children}
    </Text>
  );
}

/** Put on a card that holds an {@link AmountFigure}. */
export const figureCardClass = classes.figureCard;
