using System.ComponentModel;

namespace Harness.Cli;

/// <summary>
/// What <c>harness</c> returns. System.CommandLine's own parse-error code is 1; here a parse error is a usage error, hence 2.
/// Each code's <see cref="DescriptionAttribute"/> is its meaning for users, as the command-line reference prints it
/// (<see cref="CommandReference"/>).
/// </summary>
[Description("The same for every command, so that scripts and CI can tell \"the science failed\" from \"the command was wrong\".")]
internal static class ExitCodes
{
    [Description("Everything asked for was done and holds.")]
    public const int Done = 0;

    [Description("It ran, but something does not hold: a regression, a verdict unlike its registration, a diverged run.")]
    public const int Failed = 1;

    [Description("Nothing ran: the command line, the configuration or an input file is wrong.")]
    public const int Usage = 2;
}
