using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Harness.Profiling;

namespace Harness.Cli;

/// <summary><c>bench --profile</c>'s closing table: each phase's time and bound, for each numerics profile, from the profiles'
/// JSON lines, in Markdown so that it pastes into a note or an issue as it is.</summary>
internal static class BenchPhaseTable
{
    /// <summary>A phase as the JSON line names it: <c>forward_matmul</c>.</summary>
    public static string Key(Phase phase) => string.Concat(phase.ToString()
        .Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <param name="lines">Each numerics profile's JSON line, by profile name, each with its <c>profile</c> object.</param>
    public static string Markdown(IReadOnlyDictionary<string, JsonNode> lines)
    {
        var names = lines.Keys.ToList();
        var text = new StringBuilder();
        text.Append("| phase |").AppendJoin("", names.Select(n => $" {n} s | bound | ratio |")).AppendLine();
        text.Append("| --- |").AppendJoin("", names.Select(_ => " ---: | ---: | ---: |")).AppendLine();
        string Cells(Func<JsonNode, (double Seconds, double Bound)> pick) => string.Concat(names.Select(n =>
        {
            var (seconds, bound) = pick(lines[n]);
            // A bound that prints as 0.00 (the loss head's few bytes) would make a ratio of thousands that says nothing.
            var ratio = bound >= 0.005 ? Format(seconds / bound, "0.00") : "–";
            return $" {Format(seconds, "0.00")} | {(bound > 0 ? Format(bound, "0.00") : "–")} | {ratio} |";
        }));
        foreach (var phase in Enum.GetValues<Phase>())
        {
            var key = Key(phase);
            text.Append($"| {key.Replace('_', ' ')} |").AppendLine(Cells(line =>
                (Value(line["profile"]!["phases"]![key]!["seconds"]), Value(line["profile"]!["phases"]![key]!["bound"]))));
        }
        text.Append("| idle workers |").AppendLine(Cells(line => (Value(line["profile"]!["idle_seconds"]), 0)));
        text.Append("| **profiled wall** |")
            .AppendLine(Cells(line => (Value(line["profile"]!["wall_seconds"]), Value(line["roofline_seconds"]))));
        text.Append("| **unprofiled wall** |").AppendLine(Cells(line => (Value(line["wall_seconds"]), Value(line["roofline_seconds"]))));
        return text.ToString();
    }

    private static double Value(JsonNode? node) => node!.GetValue<double>();

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
