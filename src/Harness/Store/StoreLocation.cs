using System.Globalization;
using Harness.Config;
using Harness.IO;

namespace Harness.Store;

/// <summary>
/// Where the run store lives unless <c>--store</c> says: <c>$HARNESS_STORE</c>, else <c>$XDG_CACHE_HOME/harness/runs</c>, else
/// <c>~/.cache/harness/runs</c>. A per-user cache, so each run trains once per machine whichever checkout asks for it.
/// <c>HARNESS_NO_STORE=1</c> turns it off; <c>HARNESS_LOCK_STALE_SECONDS</c> bounds how long its locks may stay unchanged.
/// </summary>
internal static class StoreLocation
{
    public const string Variable = "HARNESS_STORE";
    public const string DisableVariable = "HARNESS_NO_STORE";
    public const string LockStaleVariable = "HARNESS_LOCK_STALE_SECONDS";

    /// <summary>A day: beyond any epoch, so beyond any sensible bound; it keeps a mistyped value from overflowing.</summary>
    private const double MaxLockStaleSeconds = 86_400;

    /// <summary>The store's directory, or null when the environment turns the store off.</summary>
    public static string? FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (environment(DisableVariable) is { } off && off.Trim() is "1" or "true" or "TRUE" or "True") return null;
        if (environment(Variable) is { Length: > 0 } configured) return Path.GetFullPath(configured);
        return UserCache.Folder("runs", environment);
    }

    /// <summary>What named the store <see cref="FromEnvironment"/> gives, for an error about it.</summary>
    public static string SourceName(Func<string, string?>? environment = null) =>
        (environment ?? Environment.GetEnvironmentVariable)(Variable) is { Length: > 0 } ? Variable
            : $"the default run store (no --store, no {Variable})";

    /// <summary>
    /// <c>$HARNESS_LOCK_STALE_SECONDS</c>: how long a lock may stay unchanged before it is taken over (<see
    /// cref="RunStore.LockStaleAfter"/>); null when unset, for <see cref="RunLock.DefaultStaleAfter"/>. The store is
    /// configured by the environment where no command line reaches it (<c>dotnet test</c>), so this is too; tests set it to a
    /// second or two to check that a wait ends.
    /// </summary>
    /// <exception cref="ConfigurationException">It is not a number of seconds above 0 and at most a day.</exception>
    public static TimeSpan? LockStaleAfter(Func<string, string?>? environment = null)
    {
        if ((environment ?? Environment.GetEnvironmentVariable)(LockStaleVariable) is not { Length: > 0 } text) return null;
        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
               && seconds > 0 && seconds <= MaxLockStaleSeconds ? TimeSpan.FromSeconds(seconds)
            : throw new ConfigurationException([$"{LockStaleVariable}: expected a number of seconds above 0 and at most " +
                $"{MaxLockStaleSeconds} (how long a run store lock may stay unchanged before it is taken over), found \"{text}\""]);
    }

    /// <summary>
    /// What stands where the store's folder should be: null when <paramref name="root"/> is a folder or one can be made there;
    /// else what was found, at <paramref name="root"/> or at the nearest existing path above it. No lock can be made in such
    /// a store, and no entry written: a waiter would wait for ever for locks that never come.
    /// </summary>
    public static string? NotAFolder(string root)
    {
        var full = Path.GetFullPath(root);
        for (var path = full; path is not null; path = Path.GetDirectoryName(path))
        {
            if (Directory.Exists(path)) return null;
            var link = new FileInfo(path).LinkTarget;
            if (!File.Exists(path) && link is null) continue;
            var what = link is not null ? $"a link to {link}, which is no folder" : "a file";
            return path == full ? $"found {what}" : $"found {what} at {path}, where no folder can be made";
        }
        return null;
    }
}
