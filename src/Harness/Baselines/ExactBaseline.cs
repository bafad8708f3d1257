using Harness.History;
using Harness.Native;

namespace Harness.Baselines;

/// <summary>
/// An exact-tier baseline: one run's history and the comparable part of the environment it was recorded in (the fields
/// its numerics profile's rule names). The file is the run's result without its wall time and without machine details
/// outside that rule, so re-accepting identical results, on any machine the rule calls comparable, changes no byte.
/// </summary>
internal sealed record ExactBaseline(string RunId, ComparableFingerprint Fingerprint, TrainingHistory History)
{
    public static string Serialize(RunResult result) => RunResultJson.Serialize(result, asBaseline: true);

    /// <summary>Reads and checks a baseline; any defect is a <see cref="BaselineFormatException"/> naming the file.</summary>
    public static ExactBaseline Read(string path)
    {
        using var document = BaselineJson.Parse(path);
        try
        {
            var file = RunResultJson.Read(document.RootElement, fields => FingerprintJson.Read(fields, path), asBaseline: true);
            return new ExactBaseline(file.RunId, file.Fingerprint, file.History);
        }
        catch (InvalidDataException e)
        {
            throw new BaselineFormatException(path, e.Message);
        }
    }
}
