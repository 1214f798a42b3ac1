using NUnit.Framework;

namespace Poyo.OpenApi.Tests.Errors;

/// <summary>Odd business codes never crash the error reader: they saturate at the int range.</summary>
public sealed class ErrorMessageReaderTests
{
    [TestCase("""{"code":402,"error":{"message":"m"}}""", 402)]
    [TestCase("""{"code":99999999999,"error":{"message":"m"}}""", int.MaxValue)]
    [TestCase("""{"code":-99999999999,"error":{"message":"m"}}""", int.MinValue)]
    [TestCase("""{"code":123456789012345678901234567890,"error":{"message":"m"}}""", int.MaxValue)]
    public void The_business_code_is_read_and_saturated(string body, int expected)
    {
        var read = ErrorMessageReader.Read(body);

        Assert.That(read.Code, Is.EqualTo(expected));
        Assert.That(read.Message, Is.EqualTo("m"));
    }
}
