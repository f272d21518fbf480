// The N most frequent entries of a list in any order (Pwned Passwords sorted by hash): a min-heap
// of N counts in typed arrays, so memory follows N, never the list.

export class TopCounts {
  private readonly counts: Float64Array;
  private readonly hi: Uint32Array;
  private readonly lo: Uint32Array;
  private size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('--top must be a whole number of at least 1');
    this.counts = new Float64Array(capacity);
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
  }

  offer(count: number, hi: number, lo: number): void {
    if (this.size < this.capacity) {
      this.place(this.size, count, hi, lo);
      this.size += 1;
      this.up(this.size - 1);
    } else if (count > this.counts[0]!) {
      this.place(0, count, hi, lo);
      this.down(0);
    }
  }

  forEach(visit: (hi: number, lo: number) => void): void {
    for (let i = 0; i < this.size; i += 1) visit(this.hi[i]!, this.lo[i]!);
  }

  private place(i: number, count: number, hi: number, lo: number): void {
    this.counts[i] = count;
    this.hi[i] = hi;
    this.lo[i] = lo;
  }

  private swap(a: number, b: number): void {
    const [c, h, l] = [this.counts[a]!, this.hi[a]!, this.lo[a]!];
    this.place(a, this.counts[b]!, this.hi[b]!, this.lo[b]!);
    this.place(b, c, h, l);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.counts[parent]! <= this.counts[i]!) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < this.size && this.counts[left]! < this.counts[least]!) least = left;
      if (right < this.size && this.counts[right]! < this.counts[least]!) least = right;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }
}
