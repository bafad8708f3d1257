namespace Harness.Cli;

/// <summary>
/// What <c>harness</c> returns, the same for every command, so scripts and CI can tell "the science failed" from "the
/// command was wrong". System.CommandLine's own parse-error code is 1; here a parse error is a usage error, hence 2.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done and holds.</summary>
    public const int Done = 0;

    /// <summary>It ran, but something does not hold: a regression, a verdict unlike its registration, a diverged run.</summary>
    public const int Failed = 1;

    /// <summary>Nothing ran: the command line, the configuration or an input file is wrong.</summary>
    public const int Usage = 2;
}
