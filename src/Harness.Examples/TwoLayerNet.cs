using Harness.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Harness.Examples;

/// <summary>
/// A TorchSharp module written by hand, as a user's model is: one hidden ReLU layer of <c>hidden</c> units between the
/// pixels and the classes. Its Dense layers come from the context, so their weights are drawn from the run's seeded init
/// stream as Keras would draw them; it returns logits (the loss applies the softmax).
/// </summary>
public sealed class TwoLayerNet : HarnessModel
{
    public override IReadOnlyDictionary<string, object> Settings { get; } = new Dictionary<string, object> { ["hidden"] = 128 };

    public override nn.Module<Tensor, Tensor> Build(ModelContext context) => new Network(context);

    private sealed class Network : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> _hidden, _output;

        public Network(ModelContext context) : base(nameof(TwoLayerNet))
        {
            var hidden = context.Int("hidden");
            _hidden = context.Dense(context.Features, hidden, "relu");
            _output = context.Dense(hidden, context.Classes);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => _output.forward(_hidden.forward(input));
    }
}
