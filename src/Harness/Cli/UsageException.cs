namespace Harness.Cli;

/// <summary>Bad command-line input: printed as is, exit code 2, nothing written.</summary>
public sealed class UsageException(string message) : Exception(message);
