namespace Poyo.OpenApi;

/// <summary>Input of <c>kling-3.0-motion-control</c> (see <c>KlingMotionControlInput</c> in openapi/poyo.yaml).</summary>
public partial class KlingMotionControlInput
{
    /// <summary>The model this input is for.</summary>
    public const ModelName Model = ModelName.KlingMotionControl30;

    /// <summary>
    /// Creates an input with its three required fields (there is no parameterless constructor, so that the required
    /// orientation, which has no default, cannot be forgotten).
    /// </summary>
    /// <param name="imageUrl">The reference image (.jpg, .jpeg or .png; at most 10 MB).</param>
    /// <param name="videoUrl">The reference video (.mp4 or .mov; at most 100 MB; 3 s to 10 or 30 s).</param>
    /// <param name="orientation">Whose orientation the output follows.</param>
    public KlingMotionControlInput(Uri imageUrl, Uri videoUrl, CharacterOrientation orientation)
    {
        ImageUrls = [imageUrl];
        VideoUrls = [videoUrl];
        CharacterOrientation = orientation;
    }
}
