import { Button } from 'antd';
import type { ReactNode } from 'react';

/** Looks like a link, is a button: it opens something on this page (a drawer), it goes nowhere. */
export function LinkButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={onClick}>
      {children}
    </Button>
  );
}
