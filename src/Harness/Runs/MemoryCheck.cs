using Harness.Settings;
using Harness.Data;

namespace Harness.Runs;

/// <summary>
/// Whether the runs fit in the memory this machine has free, <see cref="RunFootprint"/> by footprint, with as many of the
/// largest side by side as there are workers. Free memory is Linux's MemAvailable (what can be had without swapping), capped
/// by the runtime's limit (a container's cgroup limit, when there is one).
/// </summary>
internal static class MemoryCheck
{
    /// <summary>One line per problem (none when the runs fit), each naming the run, its settings and the sizes.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<RunConfig> runs, DataShape data, int workers, double? available = null)
    {
        if (runs.Count == 0) return [];
        var free = available ?? AvailableBytes();
        var footprints = runs.Select(r => RunFootprint.Of(r, data)).OrderByDescending(f => f.Bytes).ToList();
        var together = footprints.Take(Math.Min(workers, runs.Count)).ToList();
        var needed = together.Sum(f => f.Bytes);
        if (needed <= free) return [];
        var side = together.Count > 1 ? $"; {together.Count} runs side by side (--workers) need {RunFootprint.Size(needed)}" : "";
        return [$"{footprints[0].Describe()}{side}, but this machine has {RunFootprint.Size(free)} of memory available"];
    }

    public static double AvailableBytes()
    {
        double limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return MemAvailable() is { } available ? Math.Min(available, limit) : limit;
    }

    private static double? MemAvailable()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
            var parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts is [_, var kib, "kB"]
                && double.TryParse(kib, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value * 1024 : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
