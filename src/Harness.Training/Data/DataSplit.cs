namespace Harness.Data;

/// <summary>What one run trains on and validates on.</summary>
internal sealed record DataSplit(LabeledImages Train, LabeledImages Validation);
