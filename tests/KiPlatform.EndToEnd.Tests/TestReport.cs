namespace KiPlatform.EndToEnd.Tests;

/// <summary>
/// Lines for the person running the tests, beside the pass/fail counts: the test runner shows a passing test's output
/// to nobody, so ./test.sh names a file in <c>KI_TEST_REPORT</c> and prints it at the end.
/// </summary>
internal static class TestReport
{
    public static async Task WriteLineAsync(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        if (Environment.GetEnvironmentVariable("KI_TEST_REPORT") is { Length: > 0 } report)
        {
            await File.AppendAllLinesAsync(report, [line]);
        }
    }
}
