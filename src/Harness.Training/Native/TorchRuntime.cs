using TorchSharp;

namespace Harness.Native;

/// <summary>
/// The one place that prepares the native side before anything touches TorchSharp: the numerics profile's environment
/// (read by libtorch, OpenMP and MKL when they load), MKL's vendor override where the profile asks for it, the libstdc++
/// workaround where needed, and the thread count. Then it reads back the state in force and refuses to go on when that
/// is not what the profile promised. Every entry point (each command that trains, each test assembly) calls
/// <see cref="Initialize"/> first.
/// </summary>
internal static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static NumericsProfile? _profile;
    private static EnvironmentFingerprint? _fingerprint;

    /// <summary>The profile in force, or null before <see cref="Initialize"/>.</summary>
    public static NumericsProfile? Profile => _profile;

    /// <summary>Why an experiment that asks for <paramref name="wanted"/> cannot run in this process, or null when it can: the
    /// profile is fixed once libtorch loads, and runs trained under another would be compared wrongly.</summary>
    public static string? Conflict(NumericsProfile wanted) => _profile is { } inForce && inForce != wanted
        ? $"it asks for the '{wanted.Name}' numerics profile, but this process runs '{inForce.Name}' " +
          "(a profile is fixed once libtorch loads)"
        : null;

    /// <summary>The state in force, read once libtorch had loaded.</summary>
    public static EnvironmentFingerprint Fingerprint =>
        _fingerprint ?? throw new InvalidOperationException("TorchRuntime.Initialize was not called.");

    /// <summary>True when this process runs TorchSharp through the libstdc++ workaround.</summary>
    public static bool UsesLibstdcxxWorkaround { get; private set; }

    /// <exception cref="NumericsProfileException">The environment disagrees with the profile, or the CPU cannot do it.</exception>
    public static void Initialize(NumericsProfile profile)
    {
        lock (Gate)
        {
            if (_profile is not null)
            {
                if (_profile != profile)
                    throw new InvalidOperationException(
                        $"The numerics profile is fixed once libtorch has loaded: '{_profile.Name}' is in force, " +
                        $"'{profile.Name}' was asked for.");
                return;
            }

            var conflicts = profile.Conflicts(Libc.GetEnv);
            if (conflicts.Count > 0) throw new NumericsProfileException(profile, conflicts);
            foreach (var (name, value) in profile.Variables)
                if (value is not null) Libc.SetEnv(name, value, 1);

            // Both shims must be in the global scope before libtorch_cpu.so binds its symbols.
            if (profile.OverridesMklVendorCheck) MklVendorOverride.Install(
                NativeCache.Directory(TorchNatives.Directory(typeof(torch).Assembly)));
            if (LibstdcxxCompat.IsNeeded())
            {
                LibstdcxxCompat.Install(typeof(torch).Assembly);
                UsesLibstdcxxWorkaround = true;
            }

            torch.InitializeDeviceType(DeviceType.CPU);
            torch.set_num_threads(profile.IntraOpThreads);

            var fingerprint = EnvironmentFingerprint.Read(profile);
            var violations = profile.Violations(fingerprint);
            if (violations.Count > 0) throw new NumericsProfileException(profile, violations);
            _fingerprint = fingerprint;
            _profile = profile;
        }
    }

    /// <summary>Call on every thread that trains: OpenMP keeps the thread count per thread.</summary>
    public static void ApplyToCurrentThread()
    {
        var profile = _profile ?? throw new InvalidOperationException("TorchRuntime.Initialize was not called.");
        if (torch.get_num_threads() != profile.IntraOpThreads) torch.set_num_threads(profile.IntraOpThreads);
    }
}
