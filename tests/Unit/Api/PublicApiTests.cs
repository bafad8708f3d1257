using System.Reflection;
using PublicApiGenerator;

namespace Harness.Tests.Unit.Api;

/// <summary>
/// Each library package's public surface, approved, and small: what a study's code needs (a model, a data source, the test
/// fixture) and nothing of the harness's workings, which the packages share among themselves as internals. The surface is
/// approved: what a user's project can call is written out (PublicApiGenerator) and
/// compared with the committed <c>PublicApiTests.&lt;assembly&gt;.verified.txt</c>. A change to the surface, meant or not, fails
/// here with the received file beside the approved one, and lands only once someone has read the difference and renamed it.
/// </summary>
public sealed class PublicApiTests
{
    public static IEnumerable<TestCaseData> Packages() =>
    [
        new TestCaseData(typeof(Harness.Training.Trainer).Assembly).SetArgDisplayNames("Harness.Training"),
        new TestCaseData(typeof(Harness.Reproduction.ReproductionService).Assembly).SetArgDisplayNames("Harness.Core"),
        new TestCaseData(typeof(Harness.NUnit.ExperimentTests).Assembly).SetArgDisplayNames("Harness.NUnit"),
    ];

    [TestCaseSource(nameof(Packages))]
    public void Is_as_approved(Assembly package)
    {
        // Attributes are left out: the assembly's metadata (its code identity, its InternalsVisibleTo) is not API.
        var api = package.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute",
                "System.Runtime.CompilerServices.InternalsVisibleToAttribute"],
        });

        Snapshot.Verify(api, package.GetName().Name!, "txt");
    }
}
