using Harness.Baselines;

namespace Harness.Tests.Unit.Baselines;

/// <summary>
/// The baselines copy shipped inside an installed tool (<see cref="Harness.Config.ExperimentFiles.ReadOnlyBaselines"/>): verified
/// files are read, never written; a mismatch's received file goes to its own folder, and nothing is accepted over the copy.
/// </summary>
public sealed class ReadOnlyBaselinesTests
{
    private BaselineFixtures _files = null!;
    private string _received = null!;

    [SetUp]
    public void Create()
    {
        _files = new BaselineFixtures();
        _received = Path.Combine(_files.Directory, "received-elsewhere");
    }

    [TearDown] public void Delete() => _files.Dispose();

    private BaselineFolder ReadOnly(bool accept = false) => new(_files.Directory, new BaselinePolicy(accept, IsCi: false), _received);

    [Test]
    public void A_regression_writes_its_received_file_to_the_received_folder_and_leaves_the_copy_as_it_was()
    {
        var baseline = BaselineFixtures.Result();
        var verified = ReadOnly().VerifiedPath(baseline.RunId);
        File.WriteAllText(verified, ExactBaseline.Serialize(baseline));
        var before = File.ReadAllBytes(verified);

        var outcome = ExactTier.Verify(BaselineFixtures.Result(shift: 1e-3), ReadOnly());

        Assert.That(outcome.Verdict, Is.EqualTo(ExactVerdict.Regression), outcome.Message);
        var received = Path.Combine(_received, baseline.RunId + BaselineFolder.ReceivedSuffix);
        Assert.That(outcome.Message, Does.Contain(received));
        Assert.That(File.Exists(received), Is.True);
        Assert.That(File.ReadAllBytes(verified), Is.EqualTo(before));
        Assert.That(Directory.GetFiles(_files.Directory, "*" + BaselineFolder.ReceivedSuffix), Is.Empty,
            "nothing received beside the copy");
    }

    [Test]
    public void A_match_deletes_an_earlier_received_file_from_the_received_folder()
    {
        var result = BaselineFixtures.Result();
        File.WriteAllText(ReadOnly().VerifiedPath(result.RunId), ExactBaseline.Serialize(result));
        Directory.CreateDirectory(_received);
        File.WriteAllText(ReadOnly().ReceivedPath(result.RunId), "stale");

        Assert.That(ExactTier.Verify(result, ReadOnly()).Verdict, Is.EqualTo(ExactVerdict.Match));
        Assert.That(File.Exists(ReadOnly().ReceivedPath(result.RunId)), Is.False);
    }

    [Test]
    public void Nothing_is_accepted_over_the_copy()
    {
        var result = BaselineFixtures.Result();
        Directory.CreateDirectory(_received);
        File.WriteAllText(ReadOnly().ReceivedPath(result.RunId), ExactBaseline.Serialize(result));

        Assert.That(ReadOnly().IsReadOnly, Is.True);
        Assert.That(_files.Baselines().IsReadOnly, Is.False);
        Assert.Throws<InvalidOperationException>(() => ReadOnly().Accept());
        Assert.Throws<InvalidOperationException>(() => ReadOnly(accept: true).Record(result.RunId, "{}"));
        Assert.That(File.Exists(ReadOnly().VerifiedPath(result.RunId)), Is.False);
    }
}
