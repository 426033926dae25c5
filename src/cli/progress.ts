/** A one-line progress bar on stderr with rate and ETA; silent when stderr is not a terminal. */
export class Progress {
  private done = 0;
  private failed = 0;
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(
    private readonly write: (s: string) => void,
    private readonly enabled: boolean,
    private total: number | undefined,
    private readonly label = 'articles',
  ) {}

  setTotal(n: number): void {
    this.total = n;
  }

  tick(ok = true): void {
    this.done++;
    if (!ok) this.failed++;
    const now = Date.now();
    if (this.enabled && (now - this.lastDraw > 100 || this.done === this.total)) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  private draw(now: number): void {
    const secs = Math.max((now - this.started) / 1000, 0.001);
    const rate = this.done / secs;
    const width = 28;
    let bar = '';
    let tail = `${this.done} ${this.label}`;
    if (this.total) {
      const frac = Math.min(1, this.done / this.total);
      const fill = Math.round(frac * width);
      bar = `[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] `;
      const eta = rate > 0 ? (this.total - this.done) / rate : 0;
      tail = `${this.done}/${this.total} ${this.label}, ETA ${formatSecs(eta)}`;
    }
    const fails = this.failed ? `, ${this.failed} failed` : '';
    this.write(`\r${bar}${tail}, ${rate.toFixed(1)}/s${fails}\x1b[K`);
  }

  finish(): void {
    if (this.enabled && this.done > 0) this.write('\r\x1b[K');
  }
}

export function formatSecs(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
