/**
 * Options of a plain synthesis into a folder (`PolicyRepo.synth`, `PolicyPlatform.synth`).
 */
export interface SynthOptions {
  /**
   * Adopt what is in the way: overwrite files in the output folder that this synthesis did not
   * write (their bytes differ from what it writes) and own them from then on, and take over a
   * folder that another repository or platform synthesized into (its files no longer produced are
   * deleted). Without it, such a synthesis stops before writing anything and lists every path.
   * Folders where a file must go are never removed: move them.
   * @default false
   */
  readonly force?: boolean;
}
