using Harness.Tests.Unit.Data;

namespace Harness.Tests.Unit.Cli;

public sealed class RunCommandTests
{
    private IdxFixtures _files = null!;

    [SetUp]
    public void CreateData()
    {
        _files = new IdxFixtures();
        _files.WriteDataset(train: 12, test: 6);
    }

    [TearDown] public void DeleteData() => _files.Dispose();

    private string Out => Path.Combine(_files.Directory, "out");

    private (int ExitCode, string Output) Run(params string[] args) => Run(new Dictionary<string, string?>(), args);

    private (int ExitCode, string Output) Run(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        HarnessProcess.Run(environment, ["run", "--data-dir", _files.Directory, "--out", Out, "--n-validation", "6", .. args]);

    [Test]
    public void Writes_the_result_file_and_a_keras_line_per_epoch()
    {
        var (exitCode, output) = Run("--layers", "1", "--width", "4", "--n-train", "12", "--epochs", "2", "--seed", "3");

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("Epoch 1/2 - loss: ").And.Contain("Epoch 2/2 - loss: ").And.Contain("val_acc: "));
        var file = Path.Combine(Out, "layers-1_dropout-0_n-12_nval-6_epochs-2_width-4_seed-3.json");
        Assert.That(File.Exists(file), Is.True, output);
        var text = File.ReadAllText(file);
        Assert.That(text, Does.Contain("\"runId\"").And.Contain("\"fingerprint\"").And.Contain("\"val_loss\"").And.Contain("\"seconds\""));
        Assert.That(text, Does.Not.Contain("\r"));
    }

    [Test]
    public void Reads_and_fills_the_run_store_and_trains_without_it_under_no_store()
    {
        var store = Path.Combine(_files.Directory, "store");
        string[] run = ["--layers", "1", "--width", "4", "--n-train", "12", "--epochs", "2", "--seed", "3"];
        var file = Path.Combine(Out, "layers-1_dropout-0_n-12_nval-6_epochs-2_width-4_seed-3.json");

        var (exitCode, trained) = Run([.. run, "--store", store]);
        Assert.That(exitCode, Is.Zero, trained);
        Assert.That(trained, Does.Contain($"and stored the run in the run store {store}"));
        Assert.That(Directory.GetFiles(store, "*.json", SearchOption.AllDirectories), Has.Length.EqualTo(1));
        var first = File.ReadAllText(file);

        var (readExit, read) = Run([.. run, "--store", store]);
        Assert.That(readExit, Is.Zero, read);
        Assert.That(read, Does.Contain($"Read from the run store {store} (trained in ").And.Contain("not trained"));
        string Epochs(string output) => string.Join("\n", output.Split('\n').Where(l => l.StartsWith("Epoch ", StringComparison.Ordinal)));
        Assert.That(Epochs(read), Is.EqualTo(Epochs(trained)).And.Contain("Epoch 2/2"), "the stored epochs, as trained");
        Assert.That(File.ReadAllText(file), Is.EqualTo(first), "the same result file, byte for byte");

        var (noStoreExit, untouched) = Run(new Dictionary<string, string?> { [Harness.Store.StoreLocation.Variable] = store },
            [.. run, "--no-store"]);
        Assert.That(noStoreExit, Is.Zero, untouched);
        Assert.That(untouched, Does.Contain("(run store not used)").And.Not.Contain("Read from the run store"));

        var (bothExit, both) = Run([.. run, "--no-store", "--store", store]);
        Assert.That(bothExit, Is.EqualTo(2), both);
        Assert.That(both, Does.Contain("error: --store: not with --no-store"));
    }

    [Test]
    public void A_diverged_run_exits_1_with_one_error_line_and_writes_nothing()
    {
        var (exitCode, output) = Run("--layers", "1", "--width", "4", "--n-train", "12", "--epochs", "2", "--optimizer", "sgd",
            "--learning-rate", "1e30", "--semantics", "pytorch");

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output,
            Does.Match(@"error: Run layers-1_\S+ diverged: loss is NaN at epoch \d+, batch \d+\.").And.Not.Contain("   at "));
        Assert.That(Directory.Exists(Out), Is.False, "nothing written");
    }

    [Test]
    public void An_out_that_cannot_be_written_exits_2_before_training()
    {
        var file = Path.Combine(_files.Directory, "a-file");
        File.WriteAllText(file, "");
        var (exitCode, output) = HarnessProcess.Run(new Dictionary<string, string?>(),
            ["run", "--data-dir", _files.Directory, "--out", Path.Combine(file, "out"), "--n-validation", "6",
                "--n-train", "12", "--epochs", "1"]);

        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain($"error: --out {Path.Combine(file, "out")}: cannot write under ").And.Not.Contain("Epoch 1/1"));
    }

    [TestCase("--layers", "0", "--layers: expected an integer in [1, 1000], found '0'")]
    [TestCase("--dropout", "1", "--dropout: expected a number in [0, 1), found '1'")]
    [TestCase("--dropout", "-0.1", "--dropout: expected a number in [0, 1), found '-0.1'")]
    [TestCase("--n-train", "13", "--n-train: expected at most the 12 training images the data has, found 13")]
    [TestCase("--n-train", "0", "--n-train: expected an integer >= 1, found '0'")]
    [TestCase("--epochs", "0", "--epochs: expected an integer >= 1, found '0'")]
    [TestCase("--batch-size", "0", "--batch-size: expected an integer >= 1, found '0'")]
    [TestCase("--layers", "two", "--layers: expected an integer in [1, 1000], found 'two'")]
    [TestCase("--semantics", "tf", "--semantics: expected keras or pytorch, found 'tf'")]
    [TestCase("--colour", "red", "unknown option '--colour' for 'harness run'")]
    [TestCase("--numerics", "fast", "--numerics: expected portable or native, found 'fast'")]
    [TestCase("--momentum", "0.9", "--momentum: optimizer 'adam' does not use it; adam uses learningRate, beta1, beta2, epsilon")]
    public void Bad_input_names_the_option_and_range_exits_2_and_writes_nothing(string option, string value, string message)
    {
        var (exitCode, output) = option == "--n-train" ? Run(option, value) : Run("--n-train", "12", option, value);

        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain(message));
        Assert.That(Directory.Exists(Out), Is.False);
    }

    [Test]
    public void Every_error_is_reported_at_once()
    {
        var (exitCode, output) = Run("--layers", "0", "--epochs", "0");
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output, Does.Contain("--layers:").And.Contain("--epochs:"));
    }

    [TestCase("portable", "MKL_CBWR", "AUTO", "MKL_CBWR=AUTO is set, but the 'portable' numerics profile sets MKL_CBWR=AVX2,STRICT")]
    [TestCase("portable", "OMP_NUM_THREADS", "2", "OMP_NUM_THREADS=2 is set, but the 'portable' numerics profile sets OMP_NUM_THREADS=1")]
    [TestCase("native", "ATEN_CPU_CAPABILITY", "avx2",
        "ATEN_CPU_CAPABILITY=avx2 is set, but the 'native' numerics profile leaves it unset")]
    public void A_variable_that_disagrees_with_the_profile_is_refused_never_recorded_as_something_else(
        string profile, string variable, string value, string message)
    {
        var (exitCode, output) = Run(new Dictionary<string, string?> { [variable] = value }, "--n-train", "12", "--numerics", profile);

        Assert.That(exitCode, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain($"numerics profile '{profile}'").And.Contain(message));
        Assert.That(Directory.Exists(Out), Is.False);
    }

    [TestCase("portable", "\"mkl_cbwr\": \"AVX2,STRICT\"", "\"cpu_capability\": \"AVX2\"", "\"mkl_vendor_override\": \"on\"")]
    [TestCase("native", "\"mkl_cbwr\": \"AUTO,STRICT\"", "\"mkl_vendor_override\": \"off\"", "\"numerics\": \"native\"")]
    public void Each_profile_records_the_state_it_put_in_force(string profile, params string[] fields)
    {
        var (exitCode, output) = Run("--n-train", "12", "--width", "4", "--epochs", "1", "--numerics", profile);

        Assert.That(exitCode, Is.Zero, output);
        var text = File.ReadAllText(Directory.GetFiles(Out).Single());
        foreach (var field in fields) Assert.That(text, Does.Contain(field));
    }
}
