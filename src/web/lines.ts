// A page's text made by one task and sent by another as it comes (the import's
// page: a line as each file is read, then what it did).

/** Text pushed as it is made and read as it comes: the import's page. */
export class Lines implements AsyncIterable<string> {
  private readonly queue: string[] = [];
  private ended = false;
  private wake: (() => void) | null = null;
  push(s: string): void {
    this.queue.push(s);
    this.wake?.();
  }
  end(): void {
    this.ended = true;
    this.wake?.();
  }
  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    for (;;) {
      if (this.queue.length) yield this.queue.splice(0).join('');
      else if (this.ended) return;
      else await new Promise<void>((go) => (this.wake = go));
      this.wake = null;
    }
  }
}
