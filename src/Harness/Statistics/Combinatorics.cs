namespace Harness.Statistics;

/// <summary>Counting in log space, so exact tests count arrangements of many seeds without overflow.</summary>
internal static class Combinatorics
{
    public static double LogFactorial(int n)
    {
        double sum = 0;
        for (var i = 2; i <= n; i++) sum += Math.Log(i);
        return sum;
    }

    public static double LogChoose(int n, int k) => LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);
}
