namespace Harness.IO;

/// <summary>
/// Harness's per-user cache, as the XDG base directory specification places it: <c>$XDG_CACHE_HOME/harness</c> when that
/// is an absolute path (the specification says to ignore a relative one), else <c>~/.cache/harness</c>. The run store, the
/// compiled native shims and received baselines of a read-only shipped copy each keep a folder in it.
/// </summary>
internal static class UserCache
{
    /// <param name="folder">The folder inside the cache: <c>runs</c>, <c>native</c>, …</param>
    /// <param name="environment">Reads an environment variable (tests pass their own).</param>
    public static string Folder(string folder, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var xdg = environment("XDG_CACHE_HOME");
        var root = xdg is { Length: > 0 } && Path.IsPathRooted(xdg) ? xdg
            : Path.Combine(environment("HOME") is { Length: > 0 } home ? home
                : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "harness", folder);
    }
}
