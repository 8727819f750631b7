using System.Text;
using System.Text.Json.Nodes;

namespace DeltaStream.Deployment.Tests;

/// <summary>
/// The environment a rendered container would get, resolved as the kubelet resolves it: envFrom, then env in order;
/// secretKeyRef and configMapKeyRef from the rendered Secret and ConfigMap, fieldRef from the pod fields given.
/// A reference to a Secret, ConfigMap or key the chart does not render is an error unless marked optional.
/// </summary>
internal static class ContainerEnvironment
{
    public static Dictionary<string, string> Resolve(RenderedChart chart, JsonObject container, IReadOnlyDictionary<string, string> podFields)
    {
        var environment = new Dictionary<string, string>();
        foreach (var source in container["envFrom"]?.AsArray() ?? [])
        {
            if (source!["configMapRef"] is { } configMap)
            {
                foreach (var (key, value) in Data(chart, "ConfigMap", (string)configMap["name"]!))
                {
                    environment[key] = value;
                }
            }
            else if (source["secretRef"] is { } secret)
            {
                foreach (var (key, value) in Data(chart, "Secret", (string)secret["name"]!))
                {
                    environment[key] = value;
                }
            }
        }

        foreach (var variable in container["env"]?.AsArray() ?? [])
        {
            var name = (string)variable!["name"]!;
            if (variable["value"] is { } literal)
            {
                environment[name] = (string)literal!;
            }
            else if (Reference(chart, variable["valueFrom"]!, podFields, name) is { } value)
            {
                environment[name] = value;
            }
        }

        return environment;
    }

    private static string? Reference(RenderedChart chart, JsonNode from, IReadOnlyDictionary<string, string> podFields, string name)
    {
        if (from["fieldRef"] is { } field)
        {
            var path = (string)field["fieldPath"]!;
            return podFields.TryGetValue(path, out var value) ? value : throw new InvalidOperationException($"{name}: no value for pod field {path}");
        }

        var (kind, reference) = from["secretKeyRef"] is { } secret ? ("Secret", secret) : ("ConfigMap", from["configMapKeyRef"]!);
        var (objectName, key) = ((string)reference["name"]!, (string)reference["key"]!);
        var optional = (bool?)reference["optional"] ?? false;
        var rendered = chart.OfKind(kind).Any(o => (string?)o["metadata"]!["name"] == objectName);
        if (rendered && Data(chart, kind, objectName).TryGetValue(key, out var found))
        {
            return found;
        }

        return optional ? null : throw new InvalidOperationException($"{name}: {kind} {objectName} key {key} is not rendered and not optional");
    }

    /// <summary>A ConfigMap's data, or a Secret's stringData with its base64 data decoded.</summary>
    private static Dictionary<string, string> Data(RenderedChart chart, string kind, string name)
    {
        var rendered = chart.Single(kind, name);
        var data = (rendered["data"]?.AsObject() ?? []).ToDictionary(
            p => p.Key, p => kind == "Secret" ? Encoding.UTF8.GetString(Convert.FromBase64String((string)p.Value!)) : (string)p.Value!);
        foreach (var (key, value) in rendered["stringData"]?.AsObject() ?? [])
        {
            data[key] = (string)value!;
        }

        return data;
    }
}
