using NUnit.Framework;

// Each test runs its own sandbox and CLI process, so they can run side by side.
[assembly: Parallelizable(ParallelScope.Children)]
[assembly: FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
