using System.Diagnostics;
using static TorchSharp.torch;

namespace Harness.Profiling;

/// <summary>
/// Where one run's time goes, phase by phase (<see cref="Phase"/>), taken as laps of one clock: a lap gives the time since the
/// previous lap to the phase it names, so nothing is counted twice or missed and the phases add up to the run's time.
/// <list type="bullet">
/// <item>The trainer laps at its own boundaries: batch gathered, loss computed, update taken.</item>
/// <item>A layer marks its outputs (<see cref="Mark"/>). In a forward pass a mark laps the work that made the output. In
/// training it also puts an identity into the autograd graph (<see cref="PhaseMark"/>) whose backward laps when the output's
/// gradient arrives. Autograd runs a CPU backward pass on the thread that calls it, node after node in reverse order, so the
/// time between two marks' gradients is the backward of the work between the two outputs.</item>
/// </list>
/// A profile is active on the thread that trains its run (<see cref="Activate"/>). Without one every call is a thread-static
/// read and nothing more, and a marked run's values are the unmarked run's, bit for bit (the marks are identities).
/// </summary>
internal sealed class RunProfile
{
    [ThreadStatic] private static RunProfile? t_active;

    private readonly long[] _ticks = new long[Enum.GetValues<Phase>().Length];
    private long _cursor;
    private Phase _backward;

    /// <summary>Seconds spent in <paramref name="phase"/>.</summary>
    public double this[Phase phase] => (double)_ticks[(int)phase] / Stopwatch.Frequency;

    /// <summary>Seconds in all phases: the profiled span.</summary>
    public double Total => (double)_ticks.Sum() / Stopwatch.Frequency;

    /// <summary>Profiles <paramref name="profile"/> on this thread until disposed (the last lap goes to <see cref="Phase.Other"/>);
    /// null profiles nothing.</summary>
    public static IDisposable Activate(RunProfile? profile) => new Activation(profile);

    /// <summary>The time since the last lap was spent in <paramref name="phase"/>.</summary>
    public static void Lap(Phase phase) => t_active?.LapTo(phase);

    /// <summary>Called just before <c>loss.backward()</c>: the backward pass starts with the loss head's gradient.</summary>
    public static void BackwardStarts()
    {
        if (t_active is { } profile) profile._backward = Phase.Loss;
    }

    /// <summary>Called when <c>loss.backward()</c> returns: the last stretch is the first layer's backward.</summary>
    public static void BackwardEnds() => t_active?.LapTo(t_active._backward);

    /// <summary>
    /// <paramref name="output"/> was made by <paramref name="work"/>: laps that work, in training or validation by whether
    /// gradients are on, and in training returns the output through a <see cref="PhaseMark"/> that laps its gradient on the
    /// way back. Returns <paramref name="output"/> itself when no profile is active.
    /// </summary>
    public static Tensor Mark(Tensor output, Work work)
    {
        if (t_active is not { } profile) return output;
        var training = is_grad_enabled();
        profile.LapTo((training, work) switch
        {
            (true, Work.Matmul) => Phase.ForwardMatmul,
            (true, _) => Phase.ForwardElementwise,
            (false, Work.Matmul) => Phase.ValidationMatmul,
            _ => Phase.ValidationElementwise,
        });
        return training && output.requires_grad ? PhaseMark.apply(output, profile, work) : output;
    }

    /// <summary>A marked output's gradient arrived: what ran since the last lap was the backward of the work before it,
    /// and what runs next is the backward of the work that made it.</summary>
    internal void GradientReached(Work work)
    {
        LapTo(_backward);
        _backward = work == Work.Matmul ? Phase.BackwardMatmul : Phase.BackwardElementwise;
    }

    private void LapTo(Phase phase)
    {
        var now = Stopwatch.GetTimestamp();
        _ticks[(int)phase] += now - _cursor;
        _cursor = now;
    }

    private sealed class Activation : IDisposable
    {
        private readonly RunProfile? _profile, _previous;

        public Activation(RunProfile? profile)
        {
            (_profile, _previous) = (profile, t_active);
            if (profile is null) return;
            profile._cursor = Stopwatch.GetTimestamp();
            t_active = profile;
        }

        public void Dispose()
        {
            if (_profile is null) return;
            _profile.LapTo(Phase.Other);
            t_active = _previous;
        }
    }
}
