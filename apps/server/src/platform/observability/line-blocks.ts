import { pino } from 'pino';

/** A block is handed to the file descriptor once it holds this many characters (about as many bytes: lines are JSON, mostly ASCII). */
const BLOCK_LENGTH = 4096;

/**
 * Log lines gathered into blocks of at least 4 KiB, each written asynchronously by pino's SonicBoom
 * destination (ADR 0033). The lines of a block are joined once, here: handed to SonicBoom one by one,
 * each was appended to its pending string, which SonicBoom 4.2 then measures (`Buffer.byteLength`),
 * flattening the whole block at every line: about 2.3 KB allocated per line of 250 bytes, 5 % of
 * what a read by id allocated (docs/perf.md, 2026-12-02 afternoon).
 *
 * SonicBoom keeps the same 4 KiB minimum: a whole block is written at once, a partial one waits
 * there. Every `flushIntervalMs` the partial block is handed over and flushed, so a line waits at
 * most that long. When the process is about to end, it is handed over before pino's own handlers
 * run (`beforeExit`: flushed, then SonicBoom ends; `exit`, e.g. after `process.exit()`: it stays
 * below the minimum and pino writes it synchronously): only a killed process loses its last lines.
 */
export class LineBlocks {
  private lines: string[] = [];
  private length = 0;
  private readonly destination: ReturnType<typeof pino.destination>;
  private readonly timer: NodeJS.Timeout;
  private readonly handOverAtExit = () => this.handOver();

  constructor(fd: number, flushIntervalMs: number) {
    this.destination = pino.destination({ dest: fd, sync: false, minLength: BLOCK_LENGTH });
    this.timer = setInterval(() => this.flush(), flushIntervalMs).unref();
    // Before pino's handlers, registered when the destination was made (or earlier, by another one).
    process.prependListener('beforeExit', this.handOverAtExit);
    process.prependListener('exit', this.handOverAtExit);
  }

  write(line: string): boolean {
    this.lines.push(line);
    this.length += line.length;
    if (this.length >= BLOCK_LENGTH) this.handOver();
    return true;
  }

  /** Writes everything pending before returning. At exit pino's own handler does this on SonicBoom, after `handOverAtExit`. */
  flushSync(): void {
    this.handOver();
    this.destination.flushSync();
  }

  flush(callback?: (error?: Error | null) => void): void {
    this.handOver();
    this.destination.flush(callback);
  }

  end(): void {
    this.handOver();
    clearInterval(this.timer);
    process.removeListener('beforeExit', this.handOverAtExit);
    process.removeListener('exit', this.handOverAtExit);
    this.destination.end();
  }

  private handOver(): void {
    // Lines logged after pino ended the destination at exit have nowhere to go (`destroyed` is
    // SonicBoom's, missing from its type declarations).
    if (this.lines.length === 0 || (this.destination as { destroyed?: boolean }).destroyed) return;
    const block = this.lines.length === 1 ? this.lines[0]! : this.lines.join('');
    this.lines = [];
    this.length = 0;
    this.destination.write(block);
  }
}
