namespace Harness.Data;

/// <summary>What one run trains on and validates on.</summary>
public sealed record DataSplit(LabeledImages Train, LabeledImages Validation);
