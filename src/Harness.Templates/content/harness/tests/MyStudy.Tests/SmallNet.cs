using Harness.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace MyStudy.Tests;

/// <summary>
/// The study's model: one hidden ReLU layer of <c>hidden</c> units. Its layers come from the context, so their weights are
/// drawn from the run's seeded stream; it returns logits (the loss applies the softmax). <c>hidden</c> is a setting of the
/// model's own: experiments/width/experiment.json makes it a grid axis, and a claim compares its values.
/// </summary>
public sealed class SmallNet : HarnessModel
{
    public override IReadOnlyDictionary<string, object> Settings { get; } = new Dictionary<string, object> { ["hidden"] = 32 };

    public override nn.Module<Tensor, Tensor> Build(ModelContext context) => new Network(context);

    private sealed class Network : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> _hidden, _output;

        public Network(ModelContext context) : base(nameof(SmallNet))
        {
            var hidden = context.Int("hidden");
            _hidden = context.Dense(context.Features, hidden, "relu");
            _output = context.Dense(hidden, context.Classes);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => _output.forward(_hidden.forward(input));
    }
}
