using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Harness.Bench;

/// <summary>
/// Memory bandwidth as STREAM measures it (McCalpin): a copy <c>c = a</c> and a triad <c>a = b + q·c</c> over float arrays,
/// counting the bytes each loop names (8 per element for copy, 12 for triad), the best of a few trials. Measured at working
/// sets from 64 KiB, which stays in a core's L2, to 256 MiB, which does not fit a cache, with every worker doing its own
/// arrays at once, as training's workers share the memory system. A step's bandwidth is read at its own working set
/// (<see cref="At"/>): a batch's activations live in cache, Adam's slots of a 9-layer net do not.
/// </summary>
internal sealed class StreamBandwidth
{
    /// <summary>The working sets measured, in bytes: all arrays of one worker.</summary>
    public static IReadOnlyList<double> WorkingSets { get; } = [.. Enumerable.Range(0, 7).Select(i => 65536.0 * Math.Pow(4, i))];

    private const int Trials = 3;
    private const double BytesPerTrial = 256.0 * 1024 * 1024;

    private StreamBandwidth(IReadOnlyList<(double WorkingSet, double BytesPerSecond)> points) => Points = points;

    /// <summary>Bandwidth of all workers together (bytes/s) at each measured working set, smallest first.</summary>
    public IReadOnlyList<(double WorkingSet, double BytesPerSecond)> Points { get; }

    public static StreamBandwidth FromPoints(IEnumerable<(double WorkingSet, double BytesPerSecond)> points) =>
        new([.. points.OrderBy(p => p.WorkingSet)]);

    /// <summary>The better of copy and triad at each working set, with <paramref name="workers"/> threads at once.</summary>
    public static StreamBandwidth Measure(int workers) => new([.. WorkingSets.Select(size =>
    {
        // One set of arrays per working set, for both kernels: each worker's three arrays of a third of it.
        var length = (int)(size / (3 * sizeof(float)));
        var arrays = Enumerable.Range(0, workers).Select(_ => Enumerable.Range(0, 3)
            .Select(_ => GC.AllocateArray<float>(length, pinned: true)).ToArray()).ToArray();
        return (size, Math.Max(Kernel(arrays, size, triad: false), Kernel(arrays, size, triad: true)));
    })]);

    /// <summary>The pointwise better of two measurements: the bound must be the strictest one measured.</summary>
    public StreamBandwidth Max(StreamBandwidth other) =>
        new([.. Points.Zip(other.Points, (a, b) => (a.WorkingSet, Math.Max(a.BytesPerSecond, b.BytesPerSecond)))]);

    /// <summary>Bandwidth at <paramref name="workingSet"/> bytes: interpolated in log-log between the measured working sets,
    /// and the end's value beyond them.</summary>
    public double At(double workingSet)
    {
        if (workingSet <= Points[0].WorkingSet) return Points[0].BytesPerSecond;
        for (var i = 1; i < Points.Count; i++)
        {
            if (workingSet > Points[i].WorkingSet) continue;
            var (lo, hi) = (Points[i - 1], Points[i]);
            var t = Math.Log(workingSet / lo.WorkingSet) / Math.Log(hi.WorkingSet / lo.WorkingSet);
            return Math.Exp(Math.Log(lo.BytesPerSecond) + t * (Math.Log(hi.BytesPerSecond) - Math.Log(lo.BytesPerSecond)));
        }
        return Points[^1].BytesPerSecond;
    }

    /// <summary>Best aggregate bytes/s of <see cref="Trials"/> trials, each every worker running the kernel over its own arrays.</summary>
    private static double Kernel(float[][][] arrays, double workingSet, bool triad)
    {
        var workers = arrays.Length;
        var repetitions = Math.Max(1, (int)(BytesPerTrial / workingSet));
        var bytesPerPass = (triad ? 3.0 : 2.0) * sizeof(float) * arrays[0][0].Length;
        var best = 0.0;
        for (var trial = 0; trial < Trials; trial++)
        {
            // Each worker times itself from the common start: a clock on this thread could start late, after the workers
            // have done part of the trial, and report a bandwidth no memory has.
            var seconds = new double[workers];
            using var start = new Barrier(workers);
            var threads = arrays.Select((a, w) => new Thread(() =>
            {
                start.SignalAndWait();
                var clock = Stopwatch.StartNew();
                for (var r = 0; r < repetitions; r++)
                {
                    if (triad) Triad(a[0], a[1], a[2], 3f);
                    else Copy(a[0], a[2]);
                }
                seconds[w] = clock.Elapsed.TotalSeconds;
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            best = Math.Max(best, workers * repetitions * bytesPerPass / seconds.Max());
        }
        return best;
    }

    private static void Copy(float[] from, float[] to) => from.AsSpan().CopyTo(to);

    private static void Triad(float[] a, float[] b, float[] c, float q)
    {
        var va = MemoryMarshal.Cast<float, Vector<float>>(a.AsSpan());
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b.AsSpan());
        var vc = MemoryMarshal.Cast<float, Vector<float>>(c.AsSpan());
        var vq = new Vector<float>(q);
        for (var i = 0; i < va.Length; i++) va[i] = vb[i] + vq * vc[i];
        for (var i = va.Length * Vector<float>.Count; i < a.Length; i++) a[i] = b[i] + q * c[i];
    }
}
