namespace Harness.Settings.Layers;

/// <summary>A layer that cannot take the shape it is given (a 3×3 kernel on a 2×2 image, Conv2D on a vector).</summary>
internal sealed class LayerShapeException(string message) : Exception(message);
