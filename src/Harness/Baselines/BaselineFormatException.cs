namespace Harness.Baselines;

/// <summary>A baseline file that cannot be used; names the file and what is wrong with it.</summary>
public sealed class BaselineFormatException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
}
