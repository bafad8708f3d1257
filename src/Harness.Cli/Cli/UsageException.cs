namespace Harness.Cli;

/// <summary>
/// Bad command-line input found after parsing (e.g. settings that conflict): printed as is, exit code 2, nothing
/// written.
/// </summary>
internal sealed class UsageException(string message) : Exception(message)
{
    /// <summary>One exception for every problem, each line <c>error: …</c>, so a user sees all of them at once.</summary>
    public static UsageException Of(IEnumerable<string> errors) => new(string.Join("\n", errors.Select(e => "error: " + e)));
}
