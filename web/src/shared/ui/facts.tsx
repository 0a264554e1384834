import type { ReactNode } from 'react';
import classes from './kit.module.css';

/** Two columns of label → value, for the facts of a document. */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className={classes.facts}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
