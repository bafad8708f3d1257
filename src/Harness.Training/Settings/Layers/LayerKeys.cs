using Harness.Settings;

namespace Harness.Settings.Layers;

/// <summary>
/// The layer config keys a grid can vary, named <c>&lt;layer name&gt;.&lt;key&gt;</c> (<c>conv2d_1.filters</c>,
/// <c>dropout_2.rate</c>): what each takes and what it allows. Pair-valued keys (<c>kernel_size</c>, <c>strides</c>,
/// <c>pool_size</c>) vary as one integer, the square Keras also accepts for them.
/// </summary>
internal static class LayerKeys
{
    public sealed record Key(string Name, SettingKind Kind, IReadOnlyList<string> Choices, Func<object, bool> InRange, string Expected);

    /// <summary>Keras 2.2.4's activations that the harness computes; <c>linear</c> is none.</summary>
    public static readonly IReadOnlyList<string> Activations = ["relu", "softmax", "tanh", "sigmoid", "linear"];

    public static readonly IReadOnlyList<string> Paddings = ["valid", "same"];

    private static bool AtLeast1(object v) => (int)v >= 1;

    public static readonly IReadOnlyList<Key> All =
    [
        new("units", SettingKind.Integer, [], AtLeast1, "an integer >= 1"),
        new("filters", SettingKind.Integer, [], AtLeast1, "an integer >= 1"),
        new("kernel_size", SettingKind.Integer, [], AtLeast1, "an integer >= 1 (a square kernel)"),
        new("strides", SettingKind.Integer, [], AtLeast1, "an integer >= 1 (the same stride both ways)"),
        new("pool_size", SettingKind.Integer, [], AtLeast1, "an integer >= 1 (a square window)"),
        new("padding", SettingKind.Choice, Paddings, _ => true, "valid or same"),
        new("rate", SettingKind.Number, [], v => (double)v is >= 0 and < 1, "a number in [0, 1)"),
        new("activation", SettingKind.Choice, Activations, _ => true, string.Join(", ", Activations)),
    ];

    public static Key? Find(string name) => All.FirstOrDefault(k => k.Name == name);

    /// <summary>An activation name as the harness keeps it: Keras's <c>None</c> (null) is <c>linear</c>.</summary>
    public static string? ActivationOrNull(string name) => name == "linear" ? null : name;

    /// <summary>A pair-valued key's value as a grid sees it: the integer of a square, else <c>3x5</c>.</summary>
    public static object Square((int H, int W) pair) => pair.H == pair.W ? pair.H : $"{pair.H}x{pair.W}";
}
