/** A one-line progress bar on a terminal; silent in CI and when stderr is not a terminal. */
export interface Progress {
  tick(label: string): void;
  done(): void;
}

export function progress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const on = !!stream.isTTY && !process.env.CI && total > 1;
  let n = 0;
  return {
    tick(label) {
      n++;
      if (!on) return;
      const width = 24;
      const filled = Math.round((n / total) * width);
      const name = label.length > 40 ? `…${label.slice(-39)}` : label;
      stream.write(`\r[${'='.repeat(filled)}${' '.repeat(width - filled)}] ${n}/${total} ${name}\x1b[K`);
    },
    done() {
      if (on) stream.write('\r\x1b[K');
    },
  };
}
