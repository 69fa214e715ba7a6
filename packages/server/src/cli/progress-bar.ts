import cliProgress from 'cli-progress';

export interface ProgressBar {
  /** Shows `value` of `total`, with the bar's named fields (`{phase}`, `{rows}`…). */
  update(value: number, total: number, fields: Record<string, string | number>): void;
  stop(): void;
}

/**
 * A progress bar on stderr, only for a person watching a terminal: pipes, CI logs and `--json`
 * readers never see it (stdout never carries it). Used by `attain import` and `attain close`.
 * @example const bar = terminalProgressBar('{phase} |{bar}| {percentage}%'); bar.update(5, 10, { phase: 'scoring' });
 */
export function terminalProgressBar(format: string): ProgressBar {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(value, total, fields) {
      if (!started) {
        bar.start(total, 0, fields);
        started = true;
      }
      bar.setTotal(total);
      bar.update(value, fields);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
