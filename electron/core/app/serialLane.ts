// One lane of work that takes turns: each piece starts once everything queued before it has
// settled, however it ended. Harvest runs one timer per user and every change to it reads what runs
// before writing, so two changes of one account interleaved (a double press, two windows) would
// both act on the same reading: two restarts, two new entries. In a lane they take turns.

export class SerialLane {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly pending = new Map<string, Promise<unknown>>();

  /** Runs `work` after everything queued before it has settled; answers what `work` answers. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.tail.then(work);
    // The next in line waits for this turn to end, not for it to succeed.
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /**
   * Like run(), except that while a piece of work under the same key is queued or running, a
   * second call joins it and gets its very answer (or its failure) instead of a second run: the
   * same change asked for twice at once is made once. Callers keep one answer type per key.
   */
  join<T>(key: string, work: () => Promise<T>): Promise<T> {
    const joined = this.pending.get(key);
    // One answer type per key is the callers' promise (see above); the map cannot say so.
    if (joined !== undefined) return joined as Promise<T>;
    const turn = this.run(work);
    this.pending.set(key, turn);
    const leave = (): void => {
      if (this.pending.get(key) === turn) this.pending.delete(key);
    };
    turn.then(leave, leave);
    return turn;
  }
}
