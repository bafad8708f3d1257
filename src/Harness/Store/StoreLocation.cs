using Harness.IO;

namespace Harness.Store;

/// <summary>
/// Where the run store lives unless <c>--store</c> says: <c>$HARNESS_STORE</c>, else <c>$XDG_CACHE_HOME/harness/runs</c>, else
/// <c>~/.cache/harness/runs</c>. A per-user cache, so each run trains once per machine whichever checkout asks for it.
/// <c>HARNESS_NO_STORE=1</c> turns it off.
/// </summary>
public static class StoreLocation
{
    public const string Variable = "HARNESS_STORE";
    public const string DisableVariable = "HARNESS_NO_STORE";

    /// <summary>The store's directory, or null when the environment turns the store off.</summary>
    public static string? FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (environment(DisableVariable) is { } off && off.Trim() is "1" or "true" or "TRUE" or "True") return null;
        if (environment(Variable) is { Length: > 0 } configured) return Path.GetFullPath(configured);
        return UserCache.Folder("runs", environment);
    }
}
