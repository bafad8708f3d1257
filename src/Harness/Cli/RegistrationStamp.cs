using Harness.IO;

namespace Harness.Cli;

/// <summary>When and where a registration is made: today's date (UTC) and the commit of the claims file's repository.</summary>
internal static class RegistrationStamp
{
    /// <summary>Taken before anything runs, so a missing git stops the command before a long reproduction, not after it.</summary>
    public static (DateOnly Date, string Commit) For(string claimsPath) =>
        GitCommit.ShortHead(claimsPath, out var problem) is { } commit
            ? (DateOnly.FromDateTime(DateTime.UtcNow), commit)
            : throw new UsageException($"error: cannot register verdicts in {claimsPath}: {problem}");
}
