namespace Harness.Config;

/// <summary>MNIST's fixed sizes, so configuration can be range-checked before any data is read.</summary>
public static class MnistSize
{
    public const int Train = 60000;
    public const int Test = 10000;
    public const int Features = 28 * 28;
    public const int Classes = 10;
}
