using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Harness.IO;

/// <summary>
/// A process named so that it can be told apart from a later one: by its pid, its host and its start time. A pid alone is
/// reused once its process exits, so a record of who holds a lock or owns a folder keeps all three, and its owner counts as
/// gone when the pid is free, or belongs to a process started at another time.
/// </summary>
internal static class ProcessIdentity
{
    /// <summary>This process's start time as the records hold it (UTC, round-trip format).</summary>
    public static string Start { get; } =
        Process.GetCurrentProcess().StartTime.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// Why the process <paramref name="pid"/> of this host, started at <paramref name="start"/>, is gone; null while it may
    /// be alive (including when that cannot be told, and when <paramref name="start"/> cannot be read).
    /// </summary>
    public static string? WhyGone(int pid, string start)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            var started = process.StartTime.ToUniversalTime();
            // Start times are derived from the boot time each time they are read: equal to within a second, not to the tick.
            return DateTime.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var recorded)
                   && Math.Abs((started - recorded.ToUniversalTime()).TotalSeconds) > 1
                ? $"pid {pid} is now another process" : null;
        }
        catch (ArgumentException)
        {
            return $"process {pid} has exited";
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return null; // cannot tell: alive
        }
    }
}
