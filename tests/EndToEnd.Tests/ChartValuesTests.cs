using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DeltaStream.EndToEnd.Tests;

/// <summary>
/// What can be checked of charts/deltastream without helm: the templates use only values that values.yaml defines,
/// values.yaml defines nothing the templates ignore, and every value there is documented by a comment.
/// </summary>
public sealed partial class ChartValuesTests
{
    private static readonly string Chart = Path.Combine(RepositoryLayout.Root, "charts", "deltastream");

    [Fact]
    public void Every_value_the_templates_use_is_defined_in_values_yaml()
    {
        var defined = Values().Select(v => v.Path).ToHashSet();

        Assert.Equal([], TemplateReferences().Where(r => !defined.Contains(r)).Order());
    }

    [Fact]
    public void Every_value_in_values_yaml_is_used_by_a_template()
    {
        var used = TemplateReferences();

        // A template that takes a whole map (toYaml .Values.silo.resources) uses every value under it.
        Assert.Equal([], Values().Where(v => v.IsLeaf && !used.Any(u => v.Path == u || v.Path.StartsWith(u + ".", StringComparison.Ordinal))).Select(v => v.Path));
    }

    [Fact]
    public void Every_value_in_values_yaml_is_documented_by_the_comment_above_it_or_above_a_parent()
    {
        var lines = File.ReadAllLines(Path.Combine(Chart, "values.yaml"));
        var values = Values();
        bool Commented(ValueNode v) => v.Line > 1 && lines[v.Line - 2].TrimStart().StartsWith('#');

        Assert.Equal([], values.Where(v => v.IsLeaf && !values.Any(a => (a.Path == v.Path || v.Path.StartsWith(a.Path + ".", StringComparison.Ordinal)) && Commented(a))).Select(v => v.Path));
    }

    [Fact]
    public void The_chart_ships_the_dashboard_and_alert_rules_that_docker_compose_mounts()
    {
        var compose = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docker-compose.yml"));

        Assert.Contains("./charts/deltastream/dashboards:", compose, StringComparison.Ordinal);
        Assert.Contains("./charts/deltastream/alerts:", compose, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Chart, "dashboards", "deltastream.json")));
        Assert.True(File.Exists(Path.Combine(Chart, "alerts", "deltastream-rules.yaml")));
    }

    private static HashSet<string> TemplateReferences() =>
        [.. Directory.GetFiles(Path.Combine(Chart, "templates")).SelectMany(f => ValuesReference().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))];

    private static List<ValueNode> Values()
    {
        using var reader = File.OpenText(Path.Combine(Chart, "values.yaml"));
        var stream = new YamlStream();
        stream.Load(reader);
        var values = new List<ValueNode>();
        Collect((YamlMappingNode)stream.Documents[0].RootNode, "", values);
        return values;
    }

    private static void Collect(YamlMappingNode mapping, string prefix, List<ValueNode> values)
    {
        foreach (var (key, value) in mapping.Children)
        {
            var path = prefix + ((YamlScalarNode)key).Value;
            // A map with keys of its own is a group; a scalar, a list or an empty map is a value.
            var isGroup = value is YamlMappingNode { Children.Count: > 0 };
            values.Add(new ValueNode(path, (int)key.Start.Line, !isGroup));
            if (isGroup)
            {
                Collect((YamlMappingNode)value, path + ".", values);
            }
        }
    }

    [GeneratedRegex(@"\.Values\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)")]
    private static partial Regex ValuesReference();

    private sealed record ValueNode(string Path, int Line, bool IsLeaf);
}
