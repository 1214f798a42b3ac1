using NUnit.Framework;

namespace Poyo.OpenApi.Tests.Sandbox;

/// <summary>Polls a sandbox task paced by polls (no waiting between them) until it ends.</summary>
internal static class SandboxPolling
{
    public static async Task<PoyoTask> PollUntilDoneAsync(PoyoClient client, string taskId)
    {
        for (var poll = 0; poll < 20; poll++)
        {
            var task = await client.GetTaskAsync(taskId);
            if (task.Status.IsCompleted)
            {
                return task;
            }
        }

        throw new AssertionException("The task did not end within 20 polls.");
    }
}
