namespace Poyo.Bench;

/// <summary>
/// The docs' own response bodies, shared by the canned server (bench/Server) and the bench's in-memory handler, which
/// compiles this same file, so both answer byte for byte alike.
/// </summary>
internal static class CannedBodies
{
    public const string Submitted =
        "{\"code\":200,\"data\":{\"task_id\":\"task-unified-1757165031-uyujaw3d\",\"status\":\"not_started\",\"created_time\":\"2025-11-12T10:30:00\"}}";

    public const string Finished =
        "{\"code\":200,\"data\":{\"task_id\":\"task-unified-1757165031-uyujaw3d\",\"status\":\"finished\",\"progress\":100," +
        "\"files\":[{\"file_url\":\"https://storage.poyo.ai/generated/video.mp4\",\"file_type\":\"video\"}]," +
        "\"created_time\":\"2025-11-12T10:30:00\",\"error_message\":null}}";

    public static string RunningTask(string taskId, int polls) =>
        "{\"code\":200,\"data\":{\"task_id\":\"" + taskId + "\",\"status\":\"running\",\"progress\":" + Math.Min(90, polls * 30) +
        ",\"files\":[],\"created_time\":\"2025-11-12T10:30:00\",\"error_message\":null}}";

    public static string FinishedTask(string taskId) =>
        "{\"code\":200,\"data\":{\"task_id\":\"" + taskId + "\",\"status\":\"finished\",\"progress\":100," +
        "\"files\":[{\"file_url\":\"https://storage.poyo.ai/generated/video.mp4\",\"file_type\":\"video\"}]," +
        "\"created_time\":\"2025-11-12T10:30:00\",\"error_message\":null}}";
}
