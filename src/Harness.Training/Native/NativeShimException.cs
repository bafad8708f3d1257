namespace Harness.Native;

/// <summary>
/// A native shim cannot be built or trusted on this host for a reason the user fixes (no g++, an unsafe cache directory);
/// the command line reports it as a set-up error, exit 2, without a stack trace.
/// </summary>
internal sealed class NativeShimException(string message, Exception? inner = null) : Exception(message, inner);
