import { Title } from '@mantine/core';
import type { ReactNode, Ref } from 'react';
import classes from './portal-pay.module.css';

/** A step's heading; it takes the focus when its step opens (so a screen reader hears where it is). */
export function StepTitle({ ref, children }: { ref?: Ref<HTMLHeadingElement>; children: ReactNode }) {
  return (
    <Title order={2} fz="lg" ref={ref} tabIndex={-1} className={classes.stepTitle}>
      {children}
    </Title>
  );
}
