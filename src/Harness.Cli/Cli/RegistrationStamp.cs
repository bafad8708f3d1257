using Harness.Claims;
using Harness.IO;

namespace Harness.Cli;

/// <summary>
/// When and where a registration is made: today's date (UTC) and the commit of the claims file's repository, which must
/// already hold the claims as they are defined now — else the registration would name a commit that does not say what
/// was registered.
/// </summary>
internal static class RegistrationStamp
{
    /// <summary>Taken before anything runs, so a missing git or an uncommitted claim stops the command before a long
    /// reproduction.</summary>
    /// <param name="claims">The claims about to be registered, each of which must be defined at HEAD as it is in the file now.</param>
    public static (DateOnly Date, string Commit) For(string claimsPath, IEnumerable<Claim> claims)
    {
        var commit = GitCommit.ShortHead(claimsPath, out var problem)
            ?? throw new UsageException($"error: cannot register verdicts in {claimsPath}: {problem}");
        var committed = CommittedFile.At(claimsPath, commit, out problem)
            ?? throw new UsageException($"error: cannot register verdicts in {claimsPath}: it is not committed at {commit} ({problem}); " +
                "commit the claims first, so the registration's commit holds what it registers");
        var now = File.ReadAllText(claimsPath);
        var differences = claims.SelectMany(c => ClaimDefinitions.Differences(committed, now, c.Id)).Distinct().ToList();
        return differences.Count == 0 ? (DateOnly.FromDateTime(DateTime.UtcNow), commit)
            : throw new UsageException($"error: cannot register verdicts in {claimsPath}: its claims differ from commit {commit}:\n" +
                string.Join("\n", differences.Select(d => "  " + d)) +
                "\nCommit the claims first, so the registration's commit holds what it registers.");
    }
}
