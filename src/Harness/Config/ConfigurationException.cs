namespace Harness.Config;

/// <summary>Configuration that cannot be used; the message lists every problem, each with its key's path and source.</summary>
internal sealed class ConfigurationException(IReadOnlyList<string> errors)
    : Exception(string.Join("\n", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
