// pg-copy-streams ships no types and @types/pg-copy-streams is not a dependency: the one
// function the import and the bench's bulk load use, typed as pg's `client.query(submittable)` expects it.
declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream';
  import type { Submittable } from 'pg';
  export function from(text: string): Submittable & Writable;
}
