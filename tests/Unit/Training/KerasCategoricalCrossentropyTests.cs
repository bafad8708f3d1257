using Harness.Training;
using TorchSharp;

namespace Harness.Tests.Unit.Training;

public sealed class KerasCategoricalCrossentropyTests
{
    private static float[] PerSample(float[,] probabilities, float[,] oneHot)
    {
        using var p = torch.tensor(probabilities);
        using var y = torch.tensor(oneHot);
        using var loss = KerasCategoricalCrossentropy.PerSample(p, y);
        return loss.data<float>().ToArray();
    }

    [Test]
    public void Matches_minus_log_of_the_true_class_probability()
    {
        var loss = PerSample(new float[,] { { 0.2f, 0.7f, 0.1f } }, new float[,] { { 0, 1, 0 } });
        Assert.That(loss[0], Is.EqualTo(0.35667494393873245).Within(1e-6));
    }

    [Test]
    public void A_probability_of_exactly_zero_is_clipped_to_1e_minus_7()
    {
        var loss = PerSample(new float[,] { { 0f, 1f, 0f } }, new float[,] { { 1, 0, 0 } });
        Assert.That(loss[0], Is.EqualTo(16.11809565095832).Within(1e-5), "-log(1e-7), finite");
    }

    [Test]
    public void A_probability_of_exactly_one_is_clipped_to_1_minus_1e_minus_7()
    {
        var loss = PerSample(new float[,] { { 0f, 1f, 0f } }, new float[,] { { 0, 1, 0 } });
        Assert.That(loss[0], Is.GreaterThan(0f).And.LessThan(2e-7f), "-log(1 - 1e-7) ≈ 1e-7, not 0");
    }

    [Test]
    public void Probabilities_are_renormalised_to_sum_to_one_first()
    {
        var loss = PerSample(new float[,] { { 0.1f, 0.3f, 0.2f } }, new float[,] { { 0, 1, 0 } });
        Assert.That(loss[0], Is.EqualTo(0.6931471805599453).Within(1e-6), "-log(0.3 / 0.6)");
    }

    [Test]
    public void Batch_loss_is_the_mean_over_samples()
    {
        using var logits = torch.tensor(new float[,] { { 2f, 0f }, { 0f, 3f } });
        using var oneHot = torch.tensor(new float[,] { { 1, 0 }, { 1, 0 } });
        using var labels = torch.tensor(new long[] { 0, 0 });
        var (loss, predicted) = new KerasCategoricalCrossentropy().Evaluate(logits, oneHot, labels);

        var expected = (Math.Log(1 + Math.Exp(-2)) + Math.Log(1 + Math.Exp(3))) / 2;
        Assert.That(loss.item<float>(), Is.EqualTo(expected).Within(1e-6));
        Assert.That(predicted.data<long>().ToArray(), Is.EqualTo(new long[] { 0, 1 }));
    }
}
