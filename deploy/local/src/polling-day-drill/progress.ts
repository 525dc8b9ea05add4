import { Presets, SingleBar } from 'cli-progress';

/** How the drill shows a long phase: a bar on a terminal, nothing in tests. */
export interface DrillProgress {
  start(total: number, label: string): void;
  update(done: number, detail: string): void;
  stop(): void;
}

export const silentProgress: DrillProgress = {
  start: () => undefined,
  update: () => undefined,
  stop: () => undefined,
};

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): DrillProgress {
  if (!stream.isTTY) return silentProgress;
  let bar: SingleBar | undefined;
  return {
    start(total, label) {
      bar = new SingleBar(
        {
          format: `${label.padEnd(14)} |{bar}| {percentage}% {value}/{total}  {detail}`,
          stream,
          hideCursor: true,
        },
        Presets.shades_classic,
      );
      bar.start(total, 0, { detail: '' });
    },
    update(done, detail) {
      bar?.update(done, { detail });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
