using Harness.Native;

// No namespace: NUnit runs this once before every test in the assembly.
[SetUpFixture]
public sealed class NativeSetUp
{
    /// <summary>TorchSharp must not be touched before the numerics profile's environment and the libstdc++ workaround are
    /// in place. Unit tests run in the default profile, as users do.</summary>
    [OneTimeSetUp]
    public void InitializeTorch() => TorchRuntime.Initialize(NumericsProfile.Default);
}
