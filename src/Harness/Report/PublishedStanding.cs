namespace Harness.Report;

/// <summary>Where a published value stands against the reproduced seeds and against what claims.json registered of it.</summary>
internal enum PublishedStanding
{
    /// <summary>Too few reproduced seeds to judge: neither within nor outside.</summary>
    TooFewSeeds,

    Within,

    /// <summary>Outside the reproduced range widened by one IQR, and registered as an outlier.</summary>
    RegisteredOutlier,

    /// <summary>Outside, but not registered: a failure.</summary>
    UnregisteredOutlier,

    /// <summary>Registered as an outlier, but now within: a failure.</summary>
    RegisteredNowWithin,
}
