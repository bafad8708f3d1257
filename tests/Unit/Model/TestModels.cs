using Harness.Data;
using Harness.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Tests.Unit.Model;

/// <summary>The harness's MLP with one hidden block, written as a user would write it: a hidden ReLU layer and the logits.</summary>
public sealed class OneHiddenLayer : HarnessModel
{
    public override IReadOnlyDictionary<string, object> Settings { get; } =
        new Dictionary<string, object> { ["hidden"] = 8, ["rate"] = 0.0 };

    public override nn.Module<Tensor, Tensor> Build(ModelContext context) => new Network(context);

    private sealed class Network : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> _hidden, _dropout, _output;

        public Network(ModelContext context) : base(nameof(OneHiddenLayer))
        {
            _hidden = context.Dense(context.Features, context.Int("hidden"), "relu");
            _dropout = context.Dropout(context.Number("rate"));
            _output = context.Dense(context.Int("hidden"), context.Classes);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => _output.forward(_dropout.forward(_hidden.forward(input)));
    }
}

/// <summary>A model whose constructor fails, as a model with a bug in its set-up does.</summary>
public sealed class ThrowsWhenMade : HarnessModel
{
    public ThrowsWhenMade() => throw new InvalidOperationException("no weights file");

    public override nn.Module<Tensor, Tensor> Build(ModelContext context) => throw new NotSupportedException();
}

/// <summary>A model whose build fails for some values of its setting.</summary>
public sealed class ThrowsInBuild : HarnessModel
{
    public override IReadOnlyDictionary<string, object> Settings { get; } = new Dictionary<string, object> { ["hidden"] = 8 };

    public override nn.Module<Tensor, Tensor> Build(ModelContext context) => context.Int("hidden") > 16
        ? throw new ArgumentOutOfRangeException(nameof(context), "hidden must be at most 16")
        : context.Dense(context.Features, context.Classes);
}

/// <summary>A model that forgets the classes: its logits are 5 wide whatever the data.</summary>
public sealed class FiveLogits : HarnessModel
{
    public override nn.Module<Tensor, Tensor> Build(ModelContext context) => context.Dense(context.Features, 5);
}

/// <summary>A model declaring a setting of a type no run setting has.</summary>
public sealed class TextSetting : HarnessModel
{
    public override IReadOnlyDictionary<string, object> Settings { get; } = new Dictionary<string, object> { ["activation"] = "relu" };

    public override nn.Module<Tensor, Tensor> Build(ModelContext context) => context.Dense(context.Features, context.Classes);
}

/// <summary>Data sources: a learnable one, and one for each way tensors can disagree.</summary>
public class GoodData : HarnessData
{
    public override DataTensors Load() => Make(train: 24, validation: 12, features: 6);

    protected static DataTensors Make(int train, int validation, int features, int trainLabels = -1, int validationFeatures = -1,
        long badLabel = -1)
    {
        static (Tensor X, Tensor Y) Set(int count, int features, int labels, int offset)
        {
            var y = Enumerable.Range(offset, labels).Select(i => (long)(i % 3)).ToArray();
            var x = new float[count * features];
            for (var i = 0; i < count; i++)
                for (var j = 0; j < features; j++)
                    x[i * features + j] = (j % 3 == (i + offset) % 3 ? 0.9f : 0.1f) + (i * 7 + j) % 5 / 50f;
            return (tensor(x, [count, features]), tensor(y, [labels]));
        }
        var (trainX, trainY) = Set(train, features, trainLabels < 0 ? train : trainLabels, 0);
        var (validationX, validationY) = Set(validation, validationFeatures < 0 ? features : validationFeatures, validation, 100);
        if (badLabel >= 0) trainY[train - 1] = badLabel;
        return new DataTensors(trainX, trainY, validationX, validationY, Classes: 3);
    }
}

public sealed class SameDataOtherClass : GoodData;

public sealed class FewerSamples : GoodData
{
    public override DataTensors Load() => Make(train: 20, validation: 12, features: 6);
}

public sealed class MoreLabelsThanSamples : GoodData
{
    public override DataTensors Load() => Make(train: 24, validation: 12, features: 6, trainLabels: 23);
}

public sealed class OtherValidationShape : GoodData
{
    public override DataTensors Load() => Make(train: 24, validation: 12, features: 6, validationFeatures: 5);
}

public sealed class LabelOutOfRange : GoodData
{
    public override DataTensors Load() => Make(train: 24, validation: 12, features: 6, badLabel: 7);
}
