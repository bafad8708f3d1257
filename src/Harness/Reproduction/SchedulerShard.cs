using System.Globalization;

namespace Harness.Reproduction;

/// <summary>
/// <c>--shard auto</c>: the shard a cluster scheduler gave this job, from the variables it sets.
/// <list type="bullet">
/// <item>A Slurm array job (<c>sbatch --array=MIN-MAX[:STEP]</c>): <c>SLURM_ARRAY_TASK_ID</c>, with
/// <c>SLURM_ARRAY_TASK_MIN</c> and <c>SLURM_ARRAY_TASK_COUNT</c> or <c>SLURM_ARRAY_TASK_MAX</c> (and
/// <c>SLURM_ARRAY_TASK_STEP</c>, 1 when unset). Task MIN is shard 1; the count is the array's.</item>
/// <item>A Kubernetes Indexed Job: <c>JOB_COMPLETION_INDEX</c>, from 0, is shard index + 1. The pod is not told the job's
/// completions, so the count is given as <c>--shard auto/N</c>.</item>
/// </list>
/// A missing, malformed or contradictory set of variables is an error naming them; so is a count given as auto/N that a
/// Slurm array contradicts, and the variables of both schedulers at once.
/// </summary>
internal static class SchedulerShard
{
    public const string SlurmId = "SLURM_ARRAY_TASK_ID", SlurmMin = "SLURM_ARRAY_TASK_MIN", SlurmMax = "SLURM_ARRAY_TASK_MAX",
        SlurmCount = "SLURM_ARRAY_TASK_COUNT", SlurmStep = "SLURM_ARRAY_TASK_STEP", KubernetesIndex = "JOB_COMPLETION_INDEX";

    /// <param name="count">N of <c>auto/N</c>, or null for <c>auto</c>.</param>
    public static (Shard? Shard, string? Error) Read(Func<string, string?> environment, int? count)
    {
        var slurm = environment(SlurmId) is not null;
        var kubernetes = environment(KubernetesIndex) is not null;
        if (slurm && kubernetes)
            return Error($"found both {SlurmId} (Slurm) and {KubernetesIndex} (Kubernetes); expected one scheduler's");
        if (slurm) return Slurm(environment, count);
        if (kubernetes) return Kubernetes(environment, count);
        return Error($"--shard auto found no scheduler: expected {SlurmId} (a Slurm array job) or {KubernetesIndex} " +
            "(a Kubernetes Indexed Job, with the count as --shard auto/N)");
    }

    private static (Shard?, string?) Slurm(Func<string, string?> environment, int? given)
    {
        int? Number(string name) =>
            environment(name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        foreach (var name in new[] { SlurmId, SlurmMin, SlurmMax, SlurmCount, SlurmStep })
            if (environment(name) is { } text && Number(name) is null)
                return Error($"{name}: expected an integer, found '{text}'");
        var (id, min, max, arrayCount, step) = (Number(SlurmId)!.Value, Number(SlurmMin), Number(SlurmMax), Number(SlurmCount),
            Number(SlurmStep) ?? 1);
        if (min is null) return Error($"{SlurmId} is set but {SlurmMin} is not; expected both from a Slurm array job");
        if (step < 1) return Error($"{SlurmStep}: expected an integer >= 1, found {step}");
        var fromMax = max is { } m ? (m - min.Value) / step + 1 : (int?)null;
        if (arrayCount is null && fromMax is null)
            return Error($"{SlurmId} is set but neither {SlurmCount} nor {SlurmMax}; expected one to give the array's size");
        if (arrayCount is { } c && fromMax is { } f && c != f)
            return Error($"{SlurmCount}={c} contradicts {SlurmMin}={min}, {SlurmMax}={max}, {SlurmStep}={step} ({f} tasks)");
        var count = arrayCount ?? fromMax!.Value;
        if (count < 1) return Error($"{SlurmCount}: expected an array of at least 1 task, found {count}");
        if ((id - min.Value) % step != 0 || id < min || (id - min.Value) / step >= count)
            return Error($"{SlurmId}={id} is not a task of the array {SlurmMin}={min}, {count} tasks, {SlurmStep}={step}");
        if (given is { } n && n != count)
            return Error($"--shard auto/{n} contradicts the Slurm array's {count} tasks ({SlurmCount} or {SlurmMax})");
        return (new Shard((id - min.Value) / step + 1, count), null);
    }

    private static (Shard?, string?) Kubernetes(Func<string, string?> environment, int? given)
    {
        var text = environment(KubernetesIndex)!;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            return Error($"{KubernetesIndex}: expected an integer >= 0, found '{text}'");
        if (given is not { } count)
            return Error($"{KubernetesIndex} is set, but a pod is not told its job's completions: give them as --shard auto/N");
        if (index >= count) return Error($"{KubernetesIndex}={index} is not below the count {count} of --shard auto/{count}");
        return (new Shard(index + 1, count), null);
    }

    private static (Shard?, string?) Error(string message) => (null, message.StartsWith("--shard", StringComparison.Ordinal)
        ? message : "--shard auto: " + message);
}
