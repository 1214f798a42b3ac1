using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using NUnit.Framework;

namespace Poyo.OpenApi.Tests.Spec;

/// <summary>openapi/poyo.yaml is read by a real OpenAPI parser (Microsoft.OpenApi) without a single error or warning.</summary>
public sealed class SpecValidationTests
{
    private static readonly string SpecPath = Path.Combine(TestContext.CurrentContext.TestDirectory, "Spec", "poyo.yaml");

    private static async Task<ReadResult> LoadAsync()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        return await OpenApiDocument.LoadAsync(SpecPath, settings);
    }

    [Test]
    public async Task The_spec_parses_and_validates_without_errors_or_warnings()
    {
        var result = await LoadAsync();

        Assert.That(result.Diagnostic!.Errors.Select(e => e.ToString()), Is.Empty);
        Assert.That(result.Diagnostic.Warnings.Select(e => e.ToString()), Is.Empty);
        Assert.That(result.Diagnostic.SpecificationVersion, Is.EqualTo(OpenApiSpecVersion.OpenApi3_0));
    }

    [Test]
    public async Task The_spec_declares_every_endpoint_bearer_auth_and_the_production_server()
    {
        var document = (await LoadAsync()).Document!;

        Assert.That(document.Paths.Keys, Is.EquivalentTo(new[]
        {
            "/api/generate/submit", "/api/generate/status/{task_id}", "/api/user/balance",
            "/api/common/upload/stream", "/api/common/upload/url", "/api/common/upload/base64",
        }));
        Assert.That(document.Servers!.Single().Url, Is.EqualTo("https://api.poyo.ai"));
        Assert.That(document.Components!.SecuritySchemes!["bearerAuth"].Scheme, Is.EqualTo("bearer"));
    }

    [Test]
    public async Task The_motion_control_input_states_every_constraint_json_schema_can()
    {
        var schemas = (await LoadAsync()).Document!.Components!.Schemas!;
        var input = schemas["KlingMotionControlInput"].AllOf!.Last();
        var properties = input.Properties!;

        Assert.That(input.Required, Is.EquivalentTo(new[] { "image_urls", "video_urls", "character_orientation" }));
        Assert.That((properties["image_urls"].MinItems, properties["image_urls"].MaxItems), Is.EqualTo((1, 1)));
        Assert.That((properties["video_urls"].MinItems, properties["video_urls"].MaxItems), Is.EqualTo((1, 1)));
        Assert.That(properties["image_urls"].Items!.Format, Is.EqualTo("uri"));
        Assert.That(properties["prompt"].MaxLength, Is.EqualTo(2500));
        Assert.That(properties["kling_elements"].MaxItems, Is.EqualTo(1));
        var element = schemas["KlingElement"].Properties!;
        Assert.That((element["reference_image_urls"].MinItems, element["reference_image_urls"].MaxItems), Is.EqualTo((1, 3)));
        Assert.That(schemas["Resolution"].Enum!.Select(v => v!.ToString()), Is.EqualTo(new[] { "720p", "1080p" }));
        Assert.That(schemas["Resolution"].Default!.ToString(), Is.EqualTo("720p"));
        Assert.That(schemas["CharacterOrientation"].Enum!.Select(v => v!.ToString()), Is.EqualTo(new[] { "image", "video" }));
    }

    [Test]
    public async Task The_stream_upload_is_multipart_with_a_required_binary_file_part()
    {
        var operation = (await LoadAsync()).Document!.Paths["/api/common/upload/stream"].Operations![HttpMethod.Post];
        var form = operation.RequestBody!.Content!["multipart/form-data"].Schema!;

        Assert.That(form.Required, Is.EquivalentTo(new[] { "file" }));
        Assert.That(form.Properties!["file"].Format, Is.EqualTo("binary"));
        Assert.That(form.Properties.Keys, Is.EquivalentTo(new[] { "file", "upload_path", "file_name" }));
    }

    [Test]
    public async Task The_upload_envelope_is_lenient_and_the_upload_requests_are_strict()
    {
        var schemas = (await LoadAsync()).Document!.Components!.Schemas!;

        Assert.That(schemas["UploadResponse"].Required ?? new HashSet<string>(), Is.Empty, "every field of the upload envelope may be missing");
        Assert.That(schemas["UploadedFile"].Properties!.Keys, Is.SupersetOf(new[] { "file_url", "expires_at", "file_size", "download_url" }));
        Assert.That(schemas["UploadUrlRequest"].Required, Is.EquivalentTo(new[] { "file_url" }));
        Assert.That(schemas["UploadUrlRequest"].AdditionalPropertiesAllowed, Is.False);
        Assert.That(schemas["UploadBase64Request"].Required, Is.EquivalentTo(new[] { "base64_data" }));
        Assert.That(schemas["UploadBase64Request"].AdditionalPropertiesAllowed, Is.False);
        Assert.That(schemas["PoyoBalance"].Required, Is.EquivalentTo(new[] { "credits_amount" }));
    }
}
