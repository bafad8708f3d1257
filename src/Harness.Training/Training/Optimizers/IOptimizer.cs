namespace Harness.Training.Optimizers;

/// <summary>Updates the parameters from their gradients, once per batch.</summary>
internal interface IOptimizer
{
    void Step();
}
