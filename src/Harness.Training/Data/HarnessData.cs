namespace Harness.Data;

/// <summary>
/// Data written in C#, which an experiment names instead of MNIST's files: <c>"data": { "class": "My.Namespace.Blobs" }</c>.
/// The harness makes one with the parameterless constructor and calls <see cref="Load"/> once per process; every run takes
/// the first <c>nTrain</c> training and first <c>nValidation</c> validation samples of what it returns, as it does of MNIST.
/// </summary>
/// <remarks>
/// The tensors are checked before anything trains (features float32 <c>[n, …]</c> and labels int64 <c>[n]</c> of the same n,
/// training and validation samples of one shape, labels 0 to classes − 1). Their content's SHA-256, computed by the harness
/// from the tensors themselves, is part of every run's key: changed data never reuses a stored run, and no hash can be
/// forgotten. <see cref="Load"/> must return the same tensors every time (seed any randomness it uses).
/// </remarks>
public abstract class HarnessData
{
    public abstract DataTensors Load();
}
