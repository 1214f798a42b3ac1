using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;

namespace Poyo.OpenApi;

/// <summary>
/// A response's headers and content headers as the generated client hands them on, copied into a dictionary only
/// when first read (the generator puts this where NSwag copies them on every call; only errors read them). The copy is
/// the one NSwag made: response headers, then content headers over them. The content headers are those of the content
/// as received (before the size cap may wrap it). <see cref="PoyoRestException"/> copies them at once, while the
/// response is still alive.
/// </summary>
internal sealed class ResponseHeaders : IReadOnlyDictionary<string, IEnumerable<string>>
{
    private readonly HttpResponseHeaders _response;
    private readonly HttpContentHeaders? _content;
    private Dictionary<string, IEnumerable<string>>? _copy;

    public ResponseHeaders(HttpResponseMessage response)
    {
        _response = response.Headers;
        _content = response.Content?.Headers;
    }

    public int Count => Copy().Count;

    public IEnumerable<string> Keys => Copy().Keys;

    public IEnumerable<IEnumerable<string>> Values => Copy().Values;

    public IEnumerable<string> this[string key] => Copy()[key];

    /// <summary>The headers as a dictionary, copied on the first call.</summary>
    public Dictionary<string, IEnumerable<string>> Copy()
    {
        if (_copy is null)
        {
            var copy = new Dictionary<string, IEnumerable<string>>();
            foreach (var item in _response)
            {
                copy[item.Key] = item.Value;
            }

            if (_content is not null)
            {
                foreach (var item in _content)
                {
                    copy[item.Key] = item.Value;
                }
            }

            _copy = copy;
        }

        return _copy;
    }

    public bool ContainsKey(string key) => Copy().ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out IEnumerable<string> value) => Copy().TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, IEnumerable<string>>> GetEnumerator() => Copy().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
