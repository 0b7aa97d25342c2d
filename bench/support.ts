/** Timing and memory readings shared by the bench sections. */

/** Wall time since `from` (a `process.hrtime.bigint()` reading), in ms. */
export function ms(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e6;
}

/**
 * Wall and CPU time since construction. CPU time (user + system of this process) does not grow
 * when other processes share the cores, unlike wall time.
 */
export class Stopwatch {
  private readonly wallStart = process.hrtime.bigint();
  private readonly cpuStart = process.cpuUsage();

  /** Wall time since the start, in ms. */
  public wallMs(): number {
    return ms(this.wallStart);
  }

  /** CPU time of this process since the start, in ms. */
  public cpuMs(): number {
    const d = process.cpuUsage(this.cpuStart);
    return (d.user + d.system) / 1000;
  }
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
