namespace Poyo.OpenApi.Tests.Preflight;

/// <summary>Inputs holding only the URL a test serves, so each report has exactly the checks the test expects.</summary>
internal static class PreflightInputs
{
    public static KlingMotionControlInput VideoOnly(Uri url, CharacterOrientation orientation)
    {
        var input = new KlingMotionControlInput(new Uri("https://unused.example/a.png"), url, orientation);
        input.ImageUrls.Clear();
        return input;
    }

    public static KlingMotionControlInput ImageOnly(Uri url, CharacterOrientation orientation)
    {
        var input = new KlingMotionControlInput(url, new Uri("https://unused.example/v.mp4"), orientation);
        input.VideoUrls.Clear();
        return input;
    }
}
