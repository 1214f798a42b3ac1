using NUnit.Framework;

namespace Poyo.OpenApi.Tests.Reliability;

/// <summary>
/// The fault matrix of docs/reliability.md, for submit and for status: the outcome, the number of requests the
/// server received (a submit: at most one, always), and that nothing but our exception types escapes.
/// </summary>
[TestFixture]
public class FaultMatrixTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        FaultCases.All.Select(fault => new TestCaseData(fault).SetArgDisplayNames(fault.Name));

    [TestCaseSource(nameof(Cases))]
    public async Task Submit(object fault) => await CheckAsync((FaultCase)fault, Endpoint.Submit);

    [TestCaseSource(nameof(Cases))]
    public async Task Status(object fault) => await CheckAsync((FaultCase)fault, Endpoint.Status);

    [Test]
    public void The_docs_table_lists_exactly_these_cases()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "reliability.md"));
        var rows = docs.Split('\n')
            .Select(line => line.Trim())
            .SkipWhile(line => !line.StartsWith("| Case |", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'))
            .ToList();

        Assert.That(rows, Is.EqualTo(FaultCases.All.Select(fault => fault.TableRow).ToList()));
    }

    [Test]
    public void Every_submit_case_reaches_the_server_at_most_once()
    {
        Assert.That(FaultCases.All.Select(fault => fault.SubmitRequests), Has.All.LessThanOrEqualTo(1));
        Assert.That(FaultCases.All, Has.Length.GreaterThanOrEqualTo(15));
    }

    internal static string RepoRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Poyo.OpenApi.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Poyo.OpenApi.sln not found above the test directory.");
    }

    private static async Task CheckAsync(FaultCase fault, Endpoint endpoint)
    {
        var run = await FaultMatrixRunner.RunAsync(fault, endpoint);
        var expected = endpoint == Endpoint.Submit ? fault.SubmitOutcome : fault.StatusOutcome;
        var expectedRequests = endpoint == Endpoint.Submit ? fault.SubmitRequests : fault.StatusRequests;

        AssertOutcome(run, expected);
        Assert.That(run.Requests, Is.EqualTo(expectedRequests), "requests the server received");
        if (endpoint == Endpoint.Submit)
        {
            Assert.That(run.IdempotencyKeys, Has.All.EqualTo(run.IdempotencyKeySent), "every submit carries the request's Idempotency-Key");
        }
    }

    internal static void AssertOutcome(FaultRun run, string expected)
    {
        if (expected == "result")
        {
            Assert.That(run.Error, Is.Null, () => $"expected a result, got {run.Error}");
            Assert.That(run.Result, Is.Not.Null);
            return;
        }

        Assert.That(run.Error, Is.InstanceOf<PoyoException>(), () => $"only our exception types escape; got {run.Error?.GetType().FullName ?? "a result"}: {run.Error}");
        var error = (PoyoException)run.Error!;
        var category = Enum.Parse<PoyoErrorCategory>(expected.Split(',')[0]);
        Assert.That(error.Category, Is.EqualTo(category), () => error.ToString());
        Assert.That(error.IsOutcomeUnknown, Is.EqualTo(expected.Contains("outcome unknown", StringComparison.Ordinal)), () => error.Message);
    }
}
