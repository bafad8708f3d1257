namespace Harness.Baselines;

/// <summary>A baseline file that cannot be used; names the file and what is wrong with it.</summary>
internal sealed class BaselineFormatException : Exception
{
    public BaselineFormatException(string path, string problem) : this(path, $"{path}: {problem}", null)
    {
    }

    private BaselineFormatException(string path, string message, Exception? inner) : base(message, inner) => Path = path;

    public string Path { get; }

    /// <summary>A file that is not JSON, or not readable, in the words <see cref="IO.JsonFile"/> gives every file (which name it
    /// and, for broken JSON, the line and column, counted from 1).</summary>
    public static BaselineFormatException Unreadable(string path, InvalidDataException e) => new(path, e.Message, e);
}
