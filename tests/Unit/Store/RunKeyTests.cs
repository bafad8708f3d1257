using Harness.Settings;
using Harness.Native;
using Harness.Store;
using static Harness.Tests.Unit.Store.StoreFixtures;

namespace Harness.Tests.Unit.Store;

/// <summary>A run's key changes with anything that decides its bits and with nothing else.</summary>
public sealed class RunKeyTests
{
    private static string Key(RunConfig config, KeyContext? context = null) => RunKey.For(config, context ?? Context).Hash;

    /// <summary>One change of every setting; the optimizers' hyperparameters each under an optimizer that uses it.</summary>
    private static readonly (string Setting, RunConfig Changed)[] SettingChanges =
    [
        ("layers", BaseRun with { Layers = 3 }),
        ("dropout", BaseRun with { Dropout = 0.2 }),
        ("nTrain", BaseRun with { NTrain = 999 }),
        ("nValidation", BaseRun with { NValidation = 2999 }),
        ("epochs", BaseRun with { Epochs = 3 }),
        ("batchSize", BaseRun with { BatchSize = 64 }),
        ("width", BaseRun with { Width = 256 }),
        ("optimizer", BaseRun with { Optimizer = "adagrad" }),
        ("learningRate", BaseRun with { LearningRate = 0.01 }),
        ("momentum", BaseRun with { Optimizer = "sgd", Momentum = 0.5 }),
        ("nesterov", BaseRun with { Optimizer = "sgd", Nesterov = true }),
        ("rho", BaseRun with { Optimizer = "rmsprop", Rho = 0.8 }),
        ("beta1", BaseRun with { Beta1 = 0.8 }),
        ("beta2", BaseRun with { Beta2 = 0.99 }),
        ("epsilon", BaseRun with { Epsilon = 1e-6 }),
        ("semantics", BaseRun with { Semantics = Semantics.PyTorch }),
        ("seed", BaseRun with { Seed = 2 }),
    ];

    [Test]
    public void Is_stable_for_the_same_inputs_and_a_sha256()
    {
        Assert.That(Key(BaseRun), Is.EqualTo(Key(BaseRun with { })));
        Assert.That(Key(BaseRun), Does.Match("^[0-9a-f]{64}$"));
    }

    [Test]
    public void Changes_with_every_setting()
    {
        Assert.That(SettingChanges.Select(c => c.Setting), Is.EquivalentTo(RunSettings.All.Select(s => s.Name)),
            "every setting has a change here");
        foreach (var (setting, changed) in SettingChanges)
            Assert.That(Key(changed), Is.Not.EqualTo(Key(BaseRun)), setting);
        Assert.That(SettingChanges.Select(c => Key(c.Changed)).Distinct().Count(), Is.EqualTo(SettingChanges.Length));
    }

    [Test]
    public void Holds_effective_values_so_a_default_written_out_is_the_same_run()
    {
        // The run id omits defaults; the key writes them out, so setting Adam's default learning rate is the same training.
        Assert.That(Key(BaseRun with { LearningRate = 0.001 }), Is.EqualTo(Key(BaseRun)));
        Assert.That(Key(BaseRun with { Width = 512 }), Is.EqualTo(Key(BaseRun)));
    }

    [Test]
    public void Changes_with_the_code_the_runtime_and_each_data_file()
    {
        Assert.That(Key(BaseRun, Context with { Code = new string('b', 64) }), Is.Not.EqualTo(Key(BaseRun)), "code");
        Assert.That(Key(BaseRun, Context with { Runtime = ".NET 10.0.1" }), Is.Not.EqualTo(Key(BaseRun)), "runtime");
        for (var i = 0; i < Context.Data.Count; i++)
        {
            var data = Context.Data.ToArray();
            data[i] = (data[i].File, "ff");
            Assert.That(Key(BaseRun, Context with { Data = data }), Is.Not.EqualTo(Key(BaseRun)), data[i].File);
        }
    }

    [Test]
    public void Changes_with_the_profile_and_every_field_its_rule_compares_and_with_no_other()
    {
        Assert.That(Key(BaseRun, Context with { Fingerprint = (Fingerprint with { Numerics = "native" }).Comparable() }),
            Is.Not.EqualTo(Key(BaseRun)));
        foreach (var field in NumericsProfile.Portable.ComparableFields.Where(f => f != EnvironmentFingerprint.NumericsField))
        {
            var fields = Fingerprint.Fields().ToDictionary(f => f.Name, f => f.Value);
            fields[field] = field is "intra_op_threads" or "mkl_cpu_type" ? "7" : "other";
            var changed = EnvironmentFingerprint.FromFields(fields)!;
            Assert.That(Key(BaseRun, Context with { Fingerprint = changed.Comparable() }), Is.Not.EqualTo(Key(BaseRun)), field);
        }
        // The portable profile promises the same bits on another CPU model: its runs are shared across them.
        var otherCpu = Fingerprint with { CpuModel = "Intel Xeon", CpuVendor = "GenuineIntel", Os = "Ubuntu 24.04 X64" };
        Assert.That(Key(BaseRun, Context with { Fingerprint = otherCpu.Comparable() }), Is.EqualTo(Key(BaseRun)));
    }
}
