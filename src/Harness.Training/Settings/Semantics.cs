namespace Harness.Settings;

/// <summary>Which framework's training semantics a run follows.</summary>
internal enum Semantics
{
    /// <summary>Keras 2.1.3–2.2.4 on TensorFlow 1.x: Keras's Adam (ε inside the bias-corrected step size,
    /// ε = 1e-7), softmax output with categorical cross-entropy on clipped probabilities. The default,
    /// and what the tutorial ran.</summary>
    Keras,

    /// <summary>What a straightforward PyTorch port does: torch.optim.Adam (ε = 1e-8 added to the
    /// bias-corrected √v̂) and F.cross_entropy (log-softmax + NLL, no clipping). Init and dropout stay Keras's,
    /// so the switch isolates the optimizer and the loss.</summary>
    PyTorch,
}
