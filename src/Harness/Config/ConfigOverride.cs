namespace Harness.Config;

/// <summary>
/// One experiment key set on top of the experiment's own file, by an environment variable (<c>HARNESS__run__epochs=1</c>) or on
/// the command line (<c>--set run:epochs=1</c>), kept as the person gave it so that a message can say what changed a setting.
/// </summary>
/// <param name="Key">The key, levels separated by ':' as in the JSON (<c>run:epochs</c>).</param>
/// <param name="Given">As given: <c>--set run:epochs=1</c>, or the variable with its value.</param>
internal sealed record ConfigOverride(string Key, string Given)
{
    /// <summary>Whether the key sets the setting called <paramref name="name"/>: one of its levels is that name
    /// (<c>run:epochs</c>, <c>grids:0:axes:epochs:1</c>).</summary>
    public bool Sets(string name) => Key.Split(':').Any(level => level.Equals(name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Given;
}
