using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using Harness.Settings;
using Harness.Settings.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Data;

/// <summary>
/// The data a <see cref="HarnessData"/> class gives, checked and held as the float32 and label arrays runs take first-n
/// subsets of. Loaded once per class and process.
/// </summary>
internal sealed class SourcedDataset : IDataset
{
    private static readonly ConcurrentDictionary<Type, Lazy<SourcedDataset>> Cache = new();
    private readonly LabeledImages _train, _validation;

    private SourcedDataset(Type type, LabeledImages train, LabeledImages validation, string sha256)
    {
        (_train, _validation) = (train, validation);
        Sha256 = new Dictionary<string, string> { [type.FullName!] = sha256 };
    }

    public DataShape Shape => _train.Shape;

    public IReadOnlyDictionary<string, string> Sha256 { get; }

    /// <summary>The data of <paramref name="type"/>, a <see cref="HarnessData"/>.</summary>
    /// <exception cref="InvalidDataException">The class cannot be made or loaded, or its tensors disagree; the message gives the
    /// numbers.</exception>
    public static SourcedDataset Load(Type type) => Cache.GetOrAdd(type, t => new Lazy<SourcedDataset>(() => Read(t))).Value;

    public DataSplit FirstN(int trainCount, int validationCount) => new(Take(_train, trainCount), Take(_validation, validationCount));

    public IReadOnlyList<string> Problems(IEnumerable<RunConfig> runs)
    {
        var list = runs.ToList();
        var problems = new List<string>();
        if (list.Count > 0 && list.Max(r => r.NTrain) is var nTrain && nTrain > _train.Count)
            problems.Add($"nTrain: {nTrain} training samples asked for, but the data source gives {_train.Count}");
        if (list.Count > 0 && list.Max(r => r.NValidation) is var nValidation && nValidation > _validation.Count)
            problems.Add($"nValidation: {nValidation} validation samples asked for, but the data source gives {_validation.Count}");
        foreach (var network in list.Where(r => r.ModelClass is null).Select(r => r.Network(Shape.Classes)).Distinct())
            problems.AddRange(network.Problems(Shape.Image, Shape.Classes).Select(p => $"model: {p} (samples of shape {Shape.Image})"));
        return problems;
    }

    private static LabeledImages Take(LabeledImages all, int count) => count == all.Count ? all
        : all with { Pixels = all.Pixels[..(count * all.Features)], Labels = all.Labels[..count] };

    private static SourcedDataset Read(Type type)
    {
        var tensors = Instantiate(type).Load();
        using var scope = NewDisposeScope();
        if (tensors.Classes < 1) throw new InvalidDataException($"classes is {tensors.Classes}; expected at least 1");
        var train = Labeled("training", tensors.TrainFeatures, tensors.TrainLabels, tensors.Classes);
        var validation = Labeled("validation", tensors.ValidationFeatures, tensors.ValidationLabels, tensors.Classes);
        if (!train.Image.Equals(validation.Image))
            throw new InvalidDataException($"the training samples have shape {train.Image} but the validation samples " +
                $"{validation.Image}; " +
                "expected one shape");
        return new SourcedDataset(type, train, validation, Hash(train, validation));
    }

    private static HarnessData Instantiate(Type type)
    {
        if (!typeof(HarnessData).IsAssignableFrom(type) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
            throw new InvalidDataException($"{type.FullName} is not a concrete subclass of {typeof(HarnessData).FullName} " +
                "with a public parameterless constructor");
        try
        {
            return (HarnessData)Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException e)
        {
            throw new InvalidDataException($"{type.FullName}'s constructor threw {e.InnerException!.GetType().Name}: " +
                e.InnerException.Message);
        }
    }

    private static LabeledImages Labeled(string role, Tensor features, Tensor labels, int classes)
    {
        if (features.dtype != ScalarType.Float32 || features.dim() < 2)
            throw new InvalidDataException($"the {role} features are {features.dtype} of shape [{string.Join(", ", features.shape)}]; " +
                "expected float32 [samples, …]");
        if (labels.dtype != ScalarType.Int64 || labels.dim() != 1)
            throw new InvalidDataException($"the {role} labels are {labels.dtype} of shape [{string.Join(", ", labels.shape)}]; " +
                "expected int64 [samples]");
        if (features.shape[0] != labels.shape[0])
            throw new InvalidDataException($"the {role} features have {features.shape[0]} samples but the {role} labels " +
                $"{labels.shape[0]}; expected one label per sample");
        if (features.shape.Skip(1).Any(d => d < 1))
            throw new InvalidDataException($"the {role} features have shape [{string.Join(", ", features.shape)}]; expected every " +
                "dimension of a sample >= 1");
        if (features.shape[0] == 0) throw new InvalidDataException($"the {role} set has 0 samples; expected at least 1");
        var values = labels.contiguous().data<long>().ToArray();
        var outside = Array.FindIndex(values, l => l < 0 || l >= classes);
        if (outside >= 0)
            throw new InvalidDataException($"{role} label {values[outside]} at sample {outside}; expected labels 0 to {classes - 1} " +
                $"({classes} classes)");
        var shape = new TensorShape([.. features.shape.Skip(1).Select(d => checked((int)d))]);
        return new LabeledImages(features.contiguous().data<float>().ToArray(), [.. values.Select(l => (int)l)], shape, classes);
    }

    /// <summary>Over each set's shape, classes, features (float32 bytes) and labels: the same tensors, the same hash.</summary>
    private static string Hash(LabeledImages train, LabeledImages validation)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var set in new[] { train, validation })
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{set.Count} {set.Image} {set.Classes}\n"));
            sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(set.Pixels.AsSpan()));
            sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(set.Labels.AsSpan()));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
