using Harness.Claims;
using Harness.IO;

namespace Harness.Report;

/// <summary>Every claim's verdict with its numbers, the published comparisons and the published runs set aside, as JSON for other
/// tools.</summary>
internal sealed class ClaimsJson : IReportWriter
{
    public const string FileName = "claims.json";
    public IReadOnlyList<string> Write(ExperimentResults results, string directory)
    {
        var path = Path.Combine(directory, FileName);
        AtomicFile.WriteAllText(path, Render(results));
        return [path];
    }

    public static string Render(ExperimentResults results) => DeterministicJson.Write(json =>
    {
        {
            json.WriteStartObject();
            json.WriteString("experiment", results.Experiment.Name);
            json.WriteStartArray("claims");
            foreach (var outcome in results.Claims)
            {
                json.WriteStartObject();
                json.WriteString("id", outcome.Claim.Id);
                json.WriteString("statement", outcome.Claim.Statement);
                json.WriteString("tutorial", outcome.Claim.Tutorial);
                json.WriteString("metric", outcome.Claim.Metric);
                json.WriteString("verdict", outcome.Verdict.ToString());
                json.WritePropertyName("registered");
                RegistrationJson.ToNode(outcome.Claim.Registration).WriteTo(json);
                if (outcome.Claim.Decided is { } decided)
                {
                    json.WritePropertyName("decided");
                    RegistrationJson.ToNode(decided).WriteTo(json);
                }
                json.WriteBoolean("asRegistered", outcome.AsRegistered);
                if (outcome.Claim.Negligible is { } band)
                {
                    json.WriteStartObject("negligible");
                    json.WriteNumber("band", band.Width);
                    json.WriteString("declared", band.Declared.Provenance);
                    json.WriteEndObject();
                }
                json.WriteString("headline", outcome.Headline);
                if (outcome.Blocked is { } blocked) json.WriteString("notEvaluated", blocked);
                if (outcome.Decision is { } decision)
                {
                    json.WriteStartObject("sequential");
                    json.WriteBoolean("decided", decision.Decided);
                    json.WriteNumber("seeds", decision.Seeds);
                    json.WriteNumber("look", decision.Look);
                    json.WriteNumber("looks", decision.Looks);
                    json.WriteNumber("maxSeeds", decision.MaxSeeds);
                    json.WriteNumber("alphaAtLook", decision.Alpha);
                    json.WriteString("spending", decision.Spending.Name);
                    json.WriteBoolean("exploratory", decision.Exploratory);
                    if (decision.Provenance.Length > 0) json.WriteString("plan", decision.Provenance);
                    json.WriteEndObject();
                }
                json.WriteStartArray("parts");
                foreach (var part in outcome.Parts)
                {
                    json.WriteStartObject();
                    json.WriteString("name", part.Part.Name);
                    json.WriteString("statistic", part.Statistic);
                    if (part.Measured) WriteInterval(json, part.Effect);
                    else WriteNotMeasured(json, part.Effect.Level);
                    json.WriteNumber("null", part.NullValue);
                    json.WriteString("verdict", part.Verdict.ToString());
                    if (part.Exploratory) json.WriteBoolean("exploratory", true);
                    json.WriteNumber("seeds", part.Seeds);
                    if (part.SeedsSuggested is { } suggested) json.WriteNumber("seedsSuggested", suggested);
                    if (part.Test is { } test) json.WriteString("test", test);
                    if (part.Boundary is { } boundary) json.WriteString("boundary", boundary);
                    if (part.Difference is { } difference)
                    {
                        json.WriteStartObject("meanDifference");
                        WriteInterval(json, difference);
                        json.WriteEndObject();
                    }
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("published");
            foreach (var comparison in results.Published)
                foreach (var metric in comparison.Metrics)
                {
                    json.WriteStartObject();
                    json.WriteString("configuration", comparison.ConfigurationId);
                    json.WriteString("metric", metric.Metric);
                    json.WriteNumber("published", metric.Published);
                    json.WriteNumber("percentile", metric.Percentile);
                    json.WriteNumber("reproducedMin", metric.Reproduced[0]);
                    json.WriteNumber("reproducedMax", metric.Reproduced[^1]);
                    json.WriteNumber("iqr", metric.Iqr);
                    json.WriteBoolean("outlier", metric.Outlier);
                    json.WriteEndObject();
                }
            json.WriteEndArray();
            json.WriteStartArray("publishedSetAside");
            foreach (var setAside in results.PublishedSetAside)
            {
                json.WriteStartObject();
                json.WriteString("configuration", setAside.Run.ConfigurationId);
                json.WriteString("reason", setAside.Because);
                json.WriteStartArray("differences");
                foreach (var difference in setAside.Differences)
                {
                    json.WriteStartObject();
                    json.WriteString("setting", difference.Setting);
                    json.WriteString("published", difference.Value);
                    json.WriteString("reproduced", difference.OtherValue);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartArray("overrides");
                foreach (var cause in setAside.Causes) json.WriteStringValue(cause.Given);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
    });

    /// <summary>A part too few seeds kept from being measured (one seed): the same keys, null where there is no number.</summary>
    private static void WriteNotMeasured(System.Text.Json.Utf8JsonWriter json, double level)
    {
        json.WriteNull("estimate");
        json.WriteNull("lower");
        json.WriteNull("upper");
        json.WriteNumber("level", level);
    }

    /// <summary>An effect and its interval, as four numbers: estimate, lower, upper and the interval's level.</summary>
    private static void WriteInterval(System.Text.Json.Utf8JsonWriter json, Harness.Statistics.Interval interval)
    {
        json.WriteNumber("estimate", interval.Point);
        json.WriteNumber("lower", interval.Lower);
        json.WriteNumber("upper", interval.Upper);
        json.WriteNumber("level", interval.Level);
    }
}
