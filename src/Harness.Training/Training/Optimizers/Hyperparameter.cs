namespace Harness.Training.Optimizers;

/// <summary>
/// Range checks for the optimizers' constructors. Keras 2.2.4 checks nothing; these refuse only values whose
/// updates are meaningless in float32 (NaN from 0/0, a running average that never forgets or never learns), so a
/// bad value fails when the optimizer is built rather than as a NaN loss some epochs later.
/// </summary>
internal static class Hyperparameter
{
    /// <summary>Learning rates and ε: finite and &gt; 0. ε = 0 turns a dead unit's <c>lr·0 / (√0 + 0)</c> into NaN.</summary>
    public static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0.");

    /// <summary>Decay rates of running averages (ρ, β₁, β₂): 0 ≤ value &lt; 1. At 1 an average never takes in a
    /// gradient (and Adam's bias correction divides by 1 − 1ᵗ = 0).</summary>
    public static double Decay(double value, string name) =>
        value is >= 0 and < 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1).");

    /// <summary>SGD's momentum: 0 ≤ value ≤ 1, the bound later Keras (tf.keras) enforces.</summary>
    public static double Momentum(double value, string name) =>
        value is >= 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1].");
}
