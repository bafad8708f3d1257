using System.Collections.Concurrent;
using Harness.Baselines;
using Harness.Claims;
using Harness.Settings;
using Harness.Grid;
using Harness.Report;
using Harness.Reproduction;
using Harness.TestLogger;
using Harness.Training;
using Harness.Runs;
using NUnit.Framework;

namespace Harness.NUnit;

/// <summary>
/// One experiment as this test run sees it: the session whose runs every test shares, training progress in the console
/// while they train, and what each test found, so that the run can end with the experiment's conclusions. A filtered run
/// finds only what its tests asked for, and its conclusions say only that.
/// </summary>
internal sealed class TestedExperiment : IDisposable
{
    // By id: test cases are built from the experiment's files at discovery, the session's objects from the same files later.
    private readonly ConcurrentDictionary<string, ExactCheck> _exact = new();
    private readonly ConcurrentDictionary<string, EnsembleCheck> _ensemble = new();
    private readonly ConcurrentDictionary<string, ClaimOutcome> _claims = new();
    private readonly ConcurrentDictionary<string, PublishedComparison> _published = new();
    private readonly ProgressHeartbeat _heartbeat;
    private readonly Lazy<WrittenReport> _report;

    /// <param name="reports">The folder its report is written under, in a folder of the experiment's name.</param>
    public TestedExperiment(ExperimentFolder folder, Harness.Store.RunStore? store, string reports)
    {
        // The observer exists before the session, the tracker only after it (it weighs runs by the data's shape): the first
        // run is queued after both.
        ProgressTracker? tracker = null;
        Session = new ExperimentSession(folder, folder.Baselines(BaselinePolicy.FromEnvironment()), WorkerPool.DefaultWorkers,
            run => new TrainingObserver(OnEpoch: e => tracker?.Epoch(run, e.Epoch), OnStart: () => tracker?.Start(run)), store);
        tracker = new ProgressTracker(Session.Source.Cost, Session.Source.WasReused);
        Session.Source.Pool.Queued += tracker.Plan;
        Session.Source.Pool.Failed += tracker.Stop;
        // The writer, not a test's context, outlives the test that opened the session: lines keep coming while later tests wait.
        var progress = TestContext.Progress;
        _heartbeat = new ProgressHeartbeat(tracker, Session.Experiment.Name, line => progress.WriteLine(HarnessLogger.Marker + line));
        // As `reproduce` writes it: staged, moved into place, with its manifest and timings.json.
        _report = new Lazy<WrittenReport>(() =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var directory = new ReportDirectory(reports, Session.Experiment.Name);
            var results = Reproducer.Reproduce(Session);
            var (files, failures) = ReportPublisher.Publish(directory, results, clock.Elapsed.TotalSeconds);
            return new WrittenReport(results, directory.Path,
                [.. (files ?? []).Select(f => Path.Combine(directory.Path, f.Replace('/', Path.DirectorySeparatorChar)))], failures);
        });
    }

    public ExperimentSession Session { get; }

    public ExactCheck VerifyExact(RunConfig run) => _exact[run.RunId] = Session.Exact.Verify(run);

    public EnsembleCheck VerifyEnsemble(ConfigurationRuns configuration) => _ensemble[configuration.Id] =
        Session.Ensemble.Verify(configuration);

    public ClaimOutcome EvaluateClaim(Claim claim) => _claims[claim.Id] = Session.Judge.Evaluate(claim);

    public PublishedComparison ComparePublished(PublishedRun published) => _published[published.ConfigurationId] =
        Session.PublishedRuns.Compare(published);

    /// <summary>
    /// The whole reproduction, as <c>reproduce</c> writes it, under <c>artifacts/test-report/&lt;experiment&gt;/</c> (which CI
    /// uploads); written by the first test that asks. It checks everything, from the runs the other tests share, so from
    /// then on it is what this run found.
    /// </summary>
    public WrittenReport Report => _report.Value;

    /// <summary>What this run's tests found, as results in the experiment's order; null when no test got as far as a run.</summary>
    public ExperimentResults? Found()
    {
        if (_report.IsValueCreated) return _report.Value.Results;
        var finished = Session.Source.Pool.Finished().ToDictionary(r => r.RunId);
        var runs = Session.Runs.Where(r => finished.ContainsKey(r.RunId)).Select(r => finished[r.RunId]).ToList();
        if (runs.Count == 0) return null;
        return new ExperimentResults(Session.Experiment, runs[0].Fingerprint, runs,
            [.. Session.Runs.Where(r => _exact.ContainsKey(r.RunId)).Select(r => _exact[r.RunId])],
            [.. Session.Configurations.Where(c => _ensemble.ContainsKey(c.Id)).Select(c => _ensemble[c.Id])],
            [.. Session.Claims.All.Where(c => _claims.ContainsKey(c.Id)).Select(c => _claims[c.Id])],
            [.. Session.Published.Where(p => _published.ContainsKey(p.ConfigurationId)).Select(p => _published[p.ConfigurationId])],
            Session.Claims.PublishedOutliers) { Complete = false, PublishedSetAside = Session.PublishedSetAside };
    }

    /// <summary>The conclusions block for the console, or null when nothing was found.</summary>
    public string? Conclusions()
    {
        if (Found() is not { } results) return null;
        string[] footer =
        [
            Session.Source.Describe(),
            _report.IsValueCreated
                ? ConclusionsBlock.ReportLine(_report.Value.Directory)
                : "Report: not written by this run " +
                  $"(its test, {nameof(ExperimentTests.The_report_is_written_and_attached)}, was not selected).",
        ];
        // dotnet test has no option of ours, so the environment chooses.
        var (detail, note) = ConclusionsDetails.FromVariable(Environment.GetEnvironmentVariable(ConclusionsDetails.Variable));
        return ConclusionsBlock.Render(results, note is null ? footer : [.. footer, note], detail, ConclusionsDetails.ShowAllInTests);
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        Session.Dispose();
    }
}
