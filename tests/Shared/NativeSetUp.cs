using Harness.Native;

// No namespace: NUnit runs this once before every test in the assembly.
[SetUpFixture]
public sealed class NativeSetUp
{
    /// <summary>TorchSharp must not be touched before the native environment and the libstdc++ workaround are in place.</summary>
    [OneTimeSetUp]
    public void InitializeTorch() => TorchRuntime.Initialize();
}
