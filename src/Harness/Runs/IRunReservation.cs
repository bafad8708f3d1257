namespace Harness.Runs;

/// <summary>A process's claim to train one run of a shared cache (<see cref="IRunCache.Reserve"/>): told of each epoch, so
/// that other processes see the training is alive; disposing it releases the run.</summary>
internal interface IRunReservation : IDisposable
{
    void OnEpoch();
}
