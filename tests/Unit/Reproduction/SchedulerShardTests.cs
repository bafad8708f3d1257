using Harness.Reproduction;

namespace Harness.Tests.Unit.Reproduction;

/// <summary><c>--shard auto</c> against each scheduler's variables as it sets them, and the bad cases.</summary>
public sealed class SchedulerShardTests
{
    private static (Shard? Shard, string? Error) Parse(string text, params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value);
        return Shard.Parse(text, name => environment.GetValueOrDefault(name));
    }

    [TestCase("3", "1", "4", "4", null, 3, 4, Description = "sbatch --array=1-4")]
    [TestCase("0", "0", null, "8", null, 1, 8, Description = "--array=0-7, count only")]
    [TestCase("7", "0", "7", null, null, 8, 8, Description = "--array=0-7, max only")]
    [TestCase("10", "2", "10", "5", "2", 5, 5, Description = "--array=2-10:2")]
    public void A_slurm_array_task_is_its_shard(string id, string min, string? max, string? count, string? step, int index, int total)
    {
        var variables = new List<(string, string)> { (SchedulerShard.SlurmId, id), (SchedulerShard.SlurmMin, min) };
        if (max is not null) variables.Add((SchedulerShard.SlurmMax, max));
        if (count is not null) variables.Add((SchedulerShard.SlurmCount, count));
        if (step is not null) variables.Add((SchedulerShard.SlurmStep, step));

        Assert.That(Parse("auto", [.. variables]), Is.EqualTo(((Shard?)new Shard(index, total), (string?)null)));
        Assert.That(Parse($"auto/{total}", [.. variables]).Shard, Is.EqualTo(new Shard(index, total)), "a matching count");
    }

    [Test]
    public void A_kubernetes_indexed_job_pod_is_its_index_plus_one_of_the_count_given()
    {
        Assert.That(Parse("auto/4", (SchedulerShard.KubernetesIndex, "0")).Shard, Is.EqualTo(new Shard(1, 4)));
        Assert.That(Parse("auto/4", (SchedulerShard.KubernetesIndex, "3")).Shard, Is.EqualTo(new Shard(4, 4)));
    }

    [TestCase("auto", new string[0], "no scheduler: expected SLURM_ARRAY_TASK_ID")]
    [TestCase("auto/4", new[] { "SLURM_ARRAY_TASK_ID", "1", "JOB_COMPLETION_INDEX", "0" }, "found both SLURM_ARRAY_TASK_ID")]
    [TestCase("auto", new[] { "JOB_COMPLETION_INDEX", "2" }, "give them as --shard auto/N")]
    [TestCase("auto/2", new[] { "JOB_COMPLETION_INDEX", "2" }, "JOB_COMPLETION_INDEX=2 is not below the count 2")]
    [TestCase("auto/2", new[] { "JOB_COMPLETION_INDEX", "-1" }, "JOB_COMPLETION_INDEX: expected an integer >= 0, found '-1'")]
    [TestCase("auto", new[] { "SLURM_ARRAY_TASK_ID", "3" }, "SLURM_ARRAY_TASK_MIN is not")]
    [TestCase("auto", new[] { "SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_MIN", "1" }, "neither SLURM_ARRAY_TASK_COUNT nor")]
    [TestCase("auto", new[] { "SLURM_ARRAY_TASK_ID", "x", "SLURM_ARRAY_TASK_MIN", "1" },
        "SLURM_ARRAY_TASK_ID: expected an integer, found 'x'")]
    [TestCase("auto", new[] { "SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_MAX", "4",
        "SLURM_ARRAY_TASK_COUNT", "3" }, "SLURM_ARRAY_TASK_COUNT=3 contradicts")]
    [TestCase("auto", new[] { "SLURM_ARRAY_TASK_ID", "9", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "4" },
        "SLURM_ARRAY_TASK_ID=9 is not a task of the array")]
    [TestCase("auto/3", new[] { "SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "4" },
        "--shard auto/3 contradicts the Slurm array's 4 tasks")]
    [TestCase("auto/0", new string[0], "--shard: expected auto/N with N >= 1, found 'auto/0'")]
    public void A_missing_or_contradictory_environment_names_its_variables(string text, string[] pairs, string expected)
    {
        var variables = pairs.Chunk(2).Select(p => (p[0], p[1])).ToArray();
        var (shard, error) = Parse(text, variables);
        Assert.That(shard, Is.Null);
        Assert.That(error, Does.Contain(expected).And.StartWith("--shard"));
    }
}
