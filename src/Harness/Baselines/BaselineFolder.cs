using Harness.Settings;
using Harness.Grid;
using Harness.IO;

namespace Harness.Baselines;

/// <summary>
/// The files of one experiment's baselines: <c>baselines/&lt;experiment&gt;/&lt;run-id&gt;.verified.json</c> (committed) and
/// <c>.received.json</c> beside it on a mismatch (ignored by git), and the same for <c>ensemble</c>.
/// </summary>
/// <param name="receivedDirectory">Set for a read-only copy (<see cref="Config.ExperimentFiles.ReadOnlyBaselines"/>): received files go
/// there, and nothing is ever accepted over the verified files.</param>
internal sealed class BaselineFolder(string directory, BaselinePolicy policy, string? receivedDirectory = null)
{
    public const string EnsembleName = "ensemble";
    public const string VerifiedSuffix = ".verified.json";
    public const string ReceivedSuffix = ".received.json";

    public string Directory { get; } = Path.GetFullPath(directory);
    public BaselinePolicy Policy { get; } = policy;
    public string ReceivedDirectory { get; } = Path.GetFullPath(receivedDirectory ?? directory);

    /// <summary>The verified files are a copy that is never written (the one shipped inside the program).</summary>
    public bool IsReadOnly => receivedDirectory is not null;

    /// <summary>Whether <paramref name="name"/> can name a baseline: a file-safe name, never a path out of the folder.</summary>
    public static bool IsName(string name) => name.Length > 0 && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public string VerifiedPath(string name) => Path.Combine(Directory, name + VerifiedSuffix);
    public string ReceivedPath(string name) => Path.Combine(ReceivedDirectory, name + ReceivedSuffix);

    /// <summary>Names of every verified file except the ensemble's: the runs it has baselines for.</summary>
    public IReadOnlyList<string> VerifiedRunIds() =>
        !System.IO.Directory.Exists(Directory) ? [] :
        System.IO.Directory.GetFiles(Directory, "*" + VerifiedSuffix)
            .Select(p => Path.GetFileName(p)[..^VerifiedSuffix.Length])
            .Where(n => n != EnsembleName)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Every file here that holds a result of <paramref name="runs"/>: their verified or received histories, and the
    /// ensemble files when they summarise any of their configurations. What a pre-registration must be made without.
    /// </summary>
    public IReadOnlyList<string> ResultsOf(IReadOnlyList<RunConfig> runs)
    {
        var histories = runs.SelectMany(r => new[] { VerifiedPath(r.RunId), ReceivedPath(r.RunId) }).Where(File.Exists);
        var configurations = runs.Select(r => r.ConfigurationId).ToHashSet();
        var ensembles = new[] { VerifiedPath(EnsembleName), ReceivedPath(EnsembleName) }
            .Where(p => File.Exists(p) && EnsembleBaseline.Read(p).Configurations.Any(c => configurations.Contains(c.ConfigurationId)));
        return histories.Concat(ensembles).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Verified files and ensemble entries that no run or configuration of the experiment produces.</summary>
    public IReadOnlyList<string> Orphans(IReadOnlyList<RunConfig> runs, IReadOnlyList<ConfigurationRuns> configurations)
    {
        var runIds = runs.Select(r => r.RunId).ToHashSet();
        var orphans = VerifiedRunIds().Where(id => !runIds.Contains(id)).Select(VerifiedPath).ToList();
        var ensemblePath = VerifiedPath(EnsembleName);
        if (File.Exists(ensemblePath))
        {
            var ids = configurations.Select(c => c.Id).ToHashSet();
            orphans.AddRange(EnsembleBaseline.Read(ensemblePath).Configurations
                .Where(c => !ids.Contains(c.ConfigurationId)).Select(c => $"{ensemblePath}: configuration {c.ConfigurationId}"));
        }
        return orphans;
    }

    /// <summary>
    /// Records a mismatch: writes the received file, or, when the policy accepts, the verified file.
    /// Returns the path written and whether it was accepted.
    /// </summary>
    public (string Path, bool Accepted) Record(string name, string content)
    {
        if (Policy.Accept)
        {
            if (IsReadOnly) throw NotWritable();
            AtomicFile.WriteAllText(VerifiedPath(name), content);
            DeleteReceived(name);
            return (VerifiedPath(name), true);
        }
        AtomicFile.WriteAllText(ReceivedPath(name), content);
        return (ReceivedPath(name), false);
    }

    private InvalidOperationException NotWritable() =>
        new($"{Directory} is a read-only copy of baselines; nothing is accepted over it.");

    public void DeleteReceived(string name)
    {
        if (File.Exists(ReceivedPath(name))) File.Delete(ReceivedPath(name));
    }

    /// <summary>Promotes received files to verified by rename (atomic); all of them, or the one named.</summary>
    public IReadOnlyList<string> Accept(string? name = null)
    {
        if (Policy.IsCi) throw new InvalidOperationException("CI=true: baselines are never accepted on CI. Accept locally " +
            "and commit the verified files.");
        if (IsReadOnly) throw NotWritable();
        if (name is not null
            && !IsName(name)) throw new ArgumentException($"'{name}' is not a run id: a baseline is named by one, " +
                "never by a path.", nameof(name));
        var received = name is not null
            ? (File.Exists(ReceivedPath(name)) ? [ReceivedPath(name)]
                : throw new FileNotFoundException($"No received file to accept: {ReceivedPath(name)}"))
            : System.IO.Directory.Exists(ReceivedDirectory) ? System.IO.Directory.GetFiles(ReceivedDirectory, "*" + ReceivedSuffix)
                .Order(StringComparer.Ordinal).ToArray() : [];
        var accepted = new List<string>();
        foreach (var path in received)
        {
            var verified = path[..^ReceivedSuffix.Length] + VerifiedSuffix;
            File.Move(path, verified, overwrite: true);
            accepted.Add(verified);
        }
        return accepted;
    }
}
