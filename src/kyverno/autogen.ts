import { AutogenController } from './enums';

const ALLOWED = Object.values(AutogenController) as string[];

/**
 * Value of the `pod-policies.kyverno.io/autogen-controllers` annotation: which Pod controllers
 * Kyverno auto-generates rules for (`none` turns auto-generation off).
 * @see https://kyverno.io/docs/policy-types/cluster-policy/autogen/
 */
export class AutogenControllers {
  /** Turn auto-generation off. */
  public static none(): AutogenControllers {
    return new AutogenControllers('none');
  }

  /** Generate rules for these controllers only (duplicates dropped, order kept). */
  public static of(...controllers: AutogenController[]): AutogenControllers {
    return new AutogenControllers([...new Set(controllers)].join(','));
  }

  /**
   * An annotation value written by hand, e.g. `Deployment,StatefulSet`. Checked when the tree is
   * validated: `none` or a comma-separated list of controller kinds Kyverno accepts.
   */
  public static fromString(value: string): AutogenControllers {
    return new AutogenControllers(value);
  }

  private constructor(
    /** The annotation value. */
    public readonly value: string,
  ) {}

  /** Why Kyverno would not accept this value (empty when it does). */
  public problems(): string[] {
    if (this.value === 'none') return [];
    const parts = this.value.split(',').map((p) => p.trim());
    const bad = parts.filter((p) => !ALLOWED.includes(p));
    if (parts.length > 0 && bad.length === 0) return [];
    return [`"${this.value}" is not an autogen-controllers value Kyverno accepts ("none" or a comma-separated list of ${ALLOWED.join(', ')})`];
  }
}
