using Harness.Native;
using TorchSharp;
TorchRuntime.Initialize();
Console.WriteLine($"{torch.__version__} workaround={TorchRuntime.UsesLibstdcxxWorkaround} threads={torch.get_num_threads()}");
var a = torch.ones(2,2).requires_grad_();
var s = a.matmul(a).sum(); s.backward();
Console.WriteLine($"{s.item<float>()} {a.grad!.sum().item<float>()}");
