using System.Text.RegularExpressions;

namespace Harness.Settings.Layers;

/// <summary>
/// The names Keras 2.2.4 gives layers left unnamed in a fresh session: the class name in snake case and a count per name
/// from 1 (<c>conv2d_1</c>, <c>max_pooling2d_1</c>, <c>dense_2</c>), <c>input_1</c> for an InputLayer.
/// </summary>
internal sealed partial class KerasNames
{
    private readonly Dictionary<string, int> _counts = [];

    public string Next(string className)
    {
        var prefix = className == "InputLayer" ? "input" : SnakeCase(className);
        _counts[prefix] = _counts.GetValueOrDefault(prefix) + 1;
        return $"{prefix}_{_counts[prefix]}";
    }

    /// <summary>Keras's <c>to_snake_case</c>: <c>MaxPooling2D</c> → <c>max_pooling2d</c>.</summary>
    public static string SnakeCase(string name) =>
        LowerUpper().Replace(UpperWord().Replace(name, "$1_$2"), "$1_$2").ToLowerInvariant();

    [GeneratedRegex("(.)([A-Z][a-z0-9]+)")]
    private static partial Regex UpperWord();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex LowerUpper();
}
