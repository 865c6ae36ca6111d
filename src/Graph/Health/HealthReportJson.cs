using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ETicket.Graph.Health;

/// <summary>
/// The body of every health endpoint: the overall status and, per check, its status and a fixed
/// description (<see cref="CheckTexts"/>). Nothing of the configuration or of an exception.
/// </summary>
public static class HealthReportJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(
            entry => entry.Key,
            entry => new Check(entry.Value.Status.ToString(), ReadinessChecks.Texts.GetValueOrDefault(entry.Key, CheckTexts.Unknown).For(entry.Value)));
        http.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(http.Response.Body, new Body(report.Status.ToString(), checks), Json, http.RequestAborted);
    }

    private sealed record Body(string Status, IReadOnlyDictionary<string, Check> Checks);

    private sealed record Check(string Status, string Description);
}
