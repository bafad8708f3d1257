using TorchSharp;

namespace Harness.Native;

/// <summary>
/// The one place that prepares the native side before anything touches TorchSharp: the environment that
/// libtorch, OpenMP and MKL read at load time, the libstdc++ workaround where needed, and the thread count.
/// Every entry point (the CLI, each test assembly) calls <see cref="Initialize"/> first.
/// </summary>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static NumericSettings? _settings;

    /// <summary>The settings in force, or null before <see cref="Initialize"/>.</summary>
    public static NumericSettings? Settings => _settings;

    /// <summary>True when this process runs TorchSharp through the libstdc++ workaround.</summary>
    public static bool UsesLibstdcxxWorkaround { get; private set; }

    public static void Initialize(NumericSettings? settings = null)
    {
        settings ??= NumericSettings.Default;
        lock (Gate)
        {
            if (_settings is not null)
            {
                if (_settings != settings)
                    throw new InvalidOperationException(
                        $"Native numeric settings are fixed once libtorch has loaded: in force {_settings}, asked for {settings}.");
                return;
            }

            ApplyEnvironment(settings);
            if (LibstdcxxCompat.IsNeeded())
            {
                LibstdcxxCompat.Install(typeof(torch).Assembly);
                UsesLibstdcxxWorkaround = true;
            }

            torch.InitializeDeviceType(DeviceType.CPU);
            torch.set_num_threads(settings.IntraOpThreads);
            _settings = settings;
        }
    }

    /// <summary>Call on every thread that trains: OpenMP keeps the thread count per thread.</summary>
    public static void ApplyToCurrentThread()
    {
        var settings = _settings ?? throw new InvalidOperationException("TorchRuntime.Initialize was not called.");
        if (torch.get_num_threads() != settings.IntraOpThreads) torch.set_num_threads(settings.IntraOpThreads);
    }

    private static void ApplyEnvironment(NumericSettings settings)
    {
        var threads = settings.IntraOpThreads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // New OS threads take their OpenMP thread count from here, so worker threads start right.
        Libc.SetEnv("OMP_NUM_THREADS", threads, 1);
        Libc.SetEnv("MKL_NUM_THREADS", threads, 1);
        if (settings.MklCbwr is { } cbwr) Libc.SetEnv("MKL_CBWR", cbwr, 1);
        if (settings.AtenCpuCapability is { } isa) Libc.SetEnv("ATEN_CPU_CAPABILITY", isa, 1);
    }
}
