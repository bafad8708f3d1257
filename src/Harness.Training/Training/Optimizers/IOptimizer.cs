namespace Harness.Training.Optimizers;

/// <summary>Updates the parameters from their gradients, once per batch.</summary>
public interface IOptimizer
{
    void Step();
}
