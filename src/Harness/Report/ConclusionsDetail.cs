namespace Harness.Report;

/// <summary>
/// How much of each claim the conclusions block shows (<see cref="ConclusionsBlock"/>). Brief: a claim as registered is one
/// line, its verdict against the registered one; a claim that differs, or was not evaluated, shows its parts. Full: every
/// claim shows its parts. <c>reproduce --conclusions</c> and, for <c>dotnet test</c>, <see cref="ConclusionsDetails.Variable"/>
/// choose.
/// </summary>
internal enum ConclusionsDetail
{
    Brief,
    Full,
}

/// <summary>The names a person gives a <see cref="ConclusionsDetail"/>: on the command line, in the environment.</summary>
internal static class ConclusionsDetails
{
    /// <summary>The environment variable that chooses the detail of the block <c>dotnet test</c> prints.</summary>
    public const string Variable = "HARNESS_CONCLUSIONS";

    /// <summary>For help ("--conclusions &lt;brief|full&gt;") and for an error ("expected brief or full").</summary>
    public const string Names = "brief|full", Expected = "brief or full";

    /// <summary>
    /// The detail <see cref="Variable"/>'s value chooses, brief when it is unset; a value it does not know is brief too, with
    /// a line saying so for the block's footer, so a misspelt "ful" is not silently ignored.
    /// </summary>
    public static (ConclusionsDetail Detail, string? Note) FromVariable(string? value) =>
        string.IsNullOrEmpty(value) ? (ConclusionsDetail.Brief, null)
        : Parse(value) is { } detail ? (detail, null)
        : (ConclusionsDetail.Brief, $"{Variable}={value}: expected {Expected}; printed brief.");

    /// <summary>How the reader of <c>dotnet test</c>'s block gets the full one.</summary>
    public const string ShowAllInTests = Variable + "=full dotnet test";

    /// <summary>"brief" or "full" (any case); null for anything else.</summary>
    public static ConclusionsDetail? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "brief" => ConclusionsDetail.Brief,
        "full" => ConclusionsDetail.Full,
        _ => null,
    };
}
