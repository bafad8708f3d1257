namespace Harness.Native;

/// <summary>The numerics profile cannot hold in this process: the environment disagrees with it, or the CPU cannot do it.</summary>
internal sealed class NumericsProfileException(NumericsProfile profile, IReadOnlyList<string> problems)
    : Exception($"numerics profile '{profile.Name}' ({profile.Promise}) cannot be applied:\n  " + string.Join("\n  ", problems) +
                "\nThe profile sets these itself; unset any variable named, or choose another profile with " +
                $"--numerics ({NumericsProfile.Names}).")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
