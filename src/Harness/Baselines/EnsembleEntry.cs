namespace Harness.Baselines;

/// <summary>One configuration's distribution over seeds: for each summary statistic, one value per seed, in seed order.</summary>
internal sealed record EnsembleEntry(string ConfigurationId, IReadOnlyList<int> Seeds, IReadOnlyDictionary<string,
    IReadOnlyList<double>> Statistics)
{
    public static EnsembleEntry From(string configurationId, IReadOnlyList<Harness.History.RunResult> runs)
    {
        var ordered = runs.OrderBy(r => r.Config.Seed).ToList();
        var summaries = ordered.Select(r => RunSummary.Of(r.History)).ToList();
        return new EnsembleEntry(configurationId, ordered.Select(r => r.Config.Seed).ToList(),
            RunSummary.Names.ToDictionary(n => n, n => (IReadOnlyList<double>)summaries.Select(s => s[n]).ToList()));
    }
}
