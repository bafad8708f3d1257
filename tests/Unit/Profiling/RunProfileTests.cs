using Harness.Settings.Layers;
using Harness.Settings;
using Harness.Data;
using Harness.Profiling;
using Harness.Tests.Unit.Training;
using Harness.Training;
using static TorchSharp.torch;

namespace Harness.Tests.Unit.Profiling;

public sealed class RunProfileTests
{
    private static readonly RunConfig Mlp = new()
    {
        Layers = 2, Width = 16, Dropout = 0.2, NTrain = 10, NValidation = 7, BatchSize = 4, Epochs = 3, Seed = 5,
    };

    /// <summary>Conv2D → MaxPooling2D → Dropout → Flatten → Dense on 6×6 images: every layer that marks its output.</summary>
    private static readonly RunConfig Convnet = new()
    {
        Model = new ModelSpec([
            new Conv2D("conv2d_1", 3, (3, 3), (1, 1), "valid", "relu"), new MaxPooling2D("max_pooling2d_1", (2, 2), (2, 2)),
            new Dropout("dropout_1", 0.25), new Flatten("flatten_1"), new Dense("dense_1", 3, "softmax")]),
        NTrain = 12, NValidation = 5, BatchSize = 8, Epochs = 2, Seed = 3, Optimizer = "adadelta",
    };

    private static DataSplit Data(RunConfig config)
    {
        var split = SyntheticData.Split(config.NTrain, config.NValidation);
        if (config.Model is null) return split;
        LabeledImages Square(LabeledImages images) => new(
            [.. Enumerable.Range(0, images.Count).SelectMany(i => Enumerable.Range(0, 36).Select(j => images.Pixels[i * 12 + j % 12]))],
            images.Labels, new TensorShape(6, 6), images.Classes);
        return new DataSplit(Square(split.Train), Square(split.Validation));
    }

    [Test]
    public void A_profiled_run_computes_the_unprofiled_run_bit_for_bit([Values] bool convnet)
    {
        var config = convnet ? Convnet : Mlp;
        var plain = Trainer.Train(config, Data(config));
        var profiled = Trainer.Train(config, Data(config), profile: new RunProfile());

        Assert.That(profiled.History.SameAs(plain.History), Is.True, "the marks are identities, forward and backward");
    }

    [Test]
    public void Every_phase_of_a_run_gets_time_and_the_phases_add_up_to_no_more_than_the_run([Values] bool convnet)
    {
        var config = convnet ? Convnet : Mlp;
        var profile = new RunProfile();
        var data = Data(config);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Trainer.Train(config, data, profile: profile);
        var seconds = clock.Elapsed.TotalSeconds;

        Phase[] timed = [Phase.Setup, Phase.Batching, Phase.ForwardMatmul, Phase.ForwardElementwise, Phase.Loss, Phase.Metrics,
            Phase.BackwardMatmul, Phase.BackwardElementwise, Phase.Optimizer, Phase.ValidationMatmul, Phase.ValidationElementwise,
            Phase.ValidationLoss, Phase.Other];
        Assert.That(timed.Where(p => profile[p] <= 0), Is.Empty, "phases that got no time");
        Assert.That(profile.Total, Is.EqualTo(timed.Sum(p => profile[p])).Within(1e-9));
        Assert.That(profile.Total, Is.LessThanOrEqualTo(seconds), "the profile spans part of the call");
    }

    /// <summary>Backward laps go to the work whose gradient runs between two marks. Two chains, each with one costly step
    /// (a 1024² product, or 40 tanh over 2048² values) and one cheap step, some twenty times or more apart, so that a noisy
    /// machine cannot turn the check: the costly one must get the backward time, whichever kind it is.</summary>
    [Test]
    public void Backward_time_goes_to_the_work_that_made_each_marked_output([Values] bool costlyMatmul)
    {
        using var scope = NewDisposeScope();
        var profile = new RunProfile();
        using (RunProfile.Activate(profile))
        {
            // 1024×1024 times 1024×1024, then one tanh; or 2048×1 times 1×2048 (an outer product), then 40 tanh.
            var (rows, inner, columns, tanhs) = costlyMatmul ? (1024, 1024, 1024, 1) : (2048, 1, 2048, 40);
            var x = rand(rows, inner);
            var w = rand(inner, columns, requires_grad: true);
            var y = RunProfile.Mark(x.mm(w), Work.Matmul);
            for (var i = 0; i < tanhs; i++) y = y.tanh();
            var output = RunProfile.Mark(y, Work.Elementwise);
            var loss = output.sum();
            RunProfile.Lap(Phase.Loss);
            RunProfile.BackwardStarts();
            loss.backward();
            RunProfile.BackwardEnds();
        }

        var (costly, cheap) = costlyMatmul
            ? (Phase.BackwardMatmul, Phase.BackwardElementwise)
            : (Phase.BackwardElementwise, Phase.BackwardMatmul);
        Assert.That(profile[costly], Is.GreaterThan(5 * profile[cheap]), $"{costly} {profile[costly]} s, {cheap} {profile[cheap]} s");
    }

    [Test]
    public void Without_an_active_profile_a_mark_is_the_output_itself()
    {
        using var x = rand(3, 3, requires_grad: true);
        Assert.That(ReferenceEquals(RunProfile.Mark(x, Work.Matmul), x), Is.True);
    }
}
