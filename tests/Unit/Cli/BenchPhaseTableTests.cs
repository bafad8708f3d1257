using System.Text.Json.Nodes;
using Harness.Cli;
using Harness.Profiling;

namespace Harness.Tests.Unit.Cli;

public sealed class BenchPhaseTableTests
{
    private static JsonNode Line(double scale) => JsonNode.Parse($$"""
        {
          "wall_seconds": {{24 * scale}}, "roofline_seconds": {{20 * scale}},
          "profile": {
            "wall_seconds": {{25 * scale}}, "idle_seconds": 0.5,
            "phases": { {{string.Join(", ", Enum.GetValues<Phase>().Select(p =>
                $"\"{BenchPhaseTable.Key(p)}\": {{ \"seconds\": {2 * scale}, \"bound\": {(p == Phase.Metrics ? 0 : scale)} }}"))}} }
          }
        }
        """)!;

    [Test]
    public void Each_phase_is_a_row_with_each_profiles_time_bound_and_ratio()
    {
        var table = BenchPhaseTable.Markdown(new Dictionary<string, JsonNode> { ["portable"] = Line(2), ["native"] = Line(1) });
        var rows = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(rows[0], Is.EqualTo("| phase | portable s | bound | ratio | native s | bound | ratio |"));
            Assert.That(rows, Has.Length.EqualTo(2 + Enum.GetValues<Phase>().Length + 3));
            Assert.That(rows, Does.Contain("| forward matmul | 4.00 | 2.00 | 2.00 | 2.00 | 1.00 | 2.00 |"));
            Assert.That(rows, Does.Contain("| metrics | 4.00 | – | – | 2.00 | – | – |"), "a phase without a bound has no ratio");
            Assert.That(rows[^1], Is.EqualTo("| **unprofiled wall** | 48.00 | 40.00 | 1.20 | 24.00 | 20.00 | 1.20 |"));
        });
    }

    [Test]
    public void A_phase_key_is_its_name_in_snake_case() =>
        Assert.That(BenchPhaseTable.Key(Phase.ValidationElementwise), Is.EqualTo("validation_elementwise"));
}
