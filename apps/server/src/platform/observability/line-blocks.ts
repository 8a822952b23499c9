import { pino } from 'pino';

/** A block is handed to the file descriptor once it holds this many characters (about as many bytes: lines are JSON, mostly ASCII). */
const BLOCK_LENGTH = 4096;

/**
 * Log lines gathered into blocks of at least 4 KiB, each written asynchronously by pino's SonicBoom
 * destination (ADR 0033). The lines of a block are joined once, here: handed to SonicBoom one by one,
 * each was appended to its pending string, which SonicBoom 4.2 then measures (`Buffer.byteLength`),
 * flattening the whole block at every line: about 2.3 KB allocated per line of 250 bytes, a tenth of
 * what a read by id allocated (docs/perf.md, 2026-12-02 afternoon).
 *
 * A line waits at most `flushIntervalMs`. At exit the pending lines go to SonicBoom before pino's
 * own exit handler writes out what SonicBoom holds, so only a killed process loses its last lines.
 */
export class LineBlocks {
  private lines: string[] = [];
  private length = 0;
  private readonly destination: ReturnType<typeof pino.destination>;
  private readonly timer: NodeJS.Timeout;
  private readonly handOverAtExit = () => this.handOver();

  constructor(fd: number, flushIntervalMs: number) {
    this.destination = pino.destination({ dest: fd, sync: false, minLength: 0 });
    this.timer = setInterval(this.handOverAtExit, flushIntervalMs).unref();
    // Before pino's handler, registered when the destination was made (or earlier, by another one).
    process.prependListener('exit', this.handOverAtExit);
  }

  write(line: string): boolean {
    this.lines.push(line);
    this.length += line.length;
    if (this.length >= BLOCK_LENGTH) this.handOver();
    return true;
  }

  /** Writes everything pending before returning (what pino calls when the process exits). */
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
    process.removeListener('exit', this.handOverAtExit);
    this.destination.end();
  }

  private handOver(): void {
    if (this.lines.length === 0) return;
    const block = this.lines.length === 1 ? this.lines[0]! : this.lines.join('');
    this.lines = [];
    this.length = 0;
    this.destination.write(block);
  }
}
