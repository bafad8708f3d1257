namespace Harness.Report;

/// <summary>One item of a reproduction's summary (<see cref="ResultsSummary.Items"/>); a detail qualifies the item before it
/// (a run that regressed under "Exact tier: …") and is shown indented beneath it.</summary>
internal sealed record SummaryItem(Prose Text, bool IsDetail = false);
