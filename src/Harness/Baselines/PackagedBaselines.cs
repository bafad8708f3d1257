using Harness.IO;

namespace Harness.Baselines;

/// <summary>
/// The shipped experiments' baselines as they travel with a published program (the .NET tool's package): a copy of the
/// repository's <c>baselines/</c>, made at publish time into <c>baselines/</c> beside the program (Harness.csproj's
/// ShipBaselines target), so an installed tool verifies the experiments it ships from any folder. A build's output has
/// none, so there the repository's copy is read. The copy is part of the program and is never written: a mismatch's
/// received file goes to the per-user cache, and accepting is refused.
/// </summary>
internal static class PackagedBaselines
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "baselines");

    /// <summary>The copy of <paramref name="experiment"/>'s baselines in the program's folder; null when it has none.</summary>
    public static string? Of(string experiment) =>
        Path.Combine(Root, experiment) is var folder && Directory.Exists(folder) ? folder : null;

    /// <summary>Where received files go instead: <c>$XDG_CACHE_HOME/harness/received/&lt;experiment&gt;</c>.</summary>
    public static string ReceivedDirectory(string experiment) => Path.Combine(UserCache.Folder("received"), experiment);

    /// <summary>Why the packaged copy is not written, and what to do instead; for accept and HARNESS_ACCEPT.</summary>
    public static string NeverWritten(string experiment, string folder) =>
        $"the baselines of {experiment} are the copy shipped inside this program ({folder}), which is never written. " +
        $"Accept in the repository, where baselines/{experiment} is the source the package copies, or give --baselines DIR " +
        $"(or {RepositoryLayout.BaselinesVariable}) to keep baselines of your own";
}
