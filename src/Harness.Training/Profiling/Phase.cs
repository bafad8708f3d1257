namespace Harness.Profiling;

/// <summary>What a stretch of a run's time was spent on (<see cref="RunProfile"/>); every moment of a profiled run is in
/// exactly one phase, so the phases add up to the run's time.</summary>
internal enum Phase
{
    /// <summary>Before the first epoch: the data as tensors, the model built and initialised, the optimizer's slots.</summary>
    Setup,

    /// <summary>The epoch's shuffle and each batch's rows gathered from the training set (with the release of the previous
    /// batch's tensors, which the batch's dispose scope frees just before).</summary>
    Batching,

    /// <summary>Dense and Conv2D products (with their bias, which the same call adds) in training forward passes.</summary>
    ForwardMatmul,

    /// <summary>Everything else in training forward passes: activations, dropout and its mask, im2col copies, pooling.</summary>
    ForwardElementwise,

    /// <summary>The loss head, forward (softmax, clip, log, mean) and backward, down to the logits' gradient.</summary>
    Loss,

    /// <summary>Each batch's accuracy, the per-batch values read back, and the observers (progress, batch logs).</summary>
    Metrics,

    /// <summary>The gradients of the products: input and weight gradients, the bias gradient, and their accumulation.</summary>
    BackwardMatmul,

    /// <summary>The gradients through activations, dropout, im2col and pooling.</summary>
    BackwardElementwise,

    /// <summary>Clearing the gradients and the optimizer's update.</summary>
    Optimizer,

    /// <summary>Dense and Conv2D products over the validation set.</summary>
    ValidationMatmul,

    /// <summary>Activations, im2col and pooling over the validation set.</summary>
    ValidationElementwise,

    /// <summary>Validation batches sliced, their loss and accuracy.</summary>
    ValidationLoss,

    /// <summary>Per-epoch bookkeeping and anything not above.</summary>
    Other,
}

/// <summary>The two kinds of work a layer's forward pass marks (<see cref="RunProfile.Mark"/>).</summary>
internal enum Work
{
    /// <summary>A matrix product, bound by the SGEMM's throughput.</summary>
    Matmul,

    /// <summary>Element-wise work and copies, bound by memory bandwidth.</summary>
    Elementwise,
}
