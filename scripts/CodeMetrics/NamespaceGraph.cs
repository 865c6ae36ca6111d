namespace CodeMetrics;

/// <summary>Which of our namespaces use which, and for each use the files that create it (with one name each, as an example).</summary>
internal sealed class NamespaceGraph
{
    private readonly SortedDictionary<string, SortedSet<string>> files = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, string>>> uses = new(StringComparer.Ordinal);

    /// <summary>Namespaces declared in the measured files, sorted.</summary>
    public IEnumerable<string> Namespaces => files.Keys;

    public int FileCount(string ns) => files.TryGetValue(ns, out var set) ? set.Count : 0;

    /// <summary>The namespaces <paramref name="ns"/> uses, each with file → example name.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, string>> UsesOf(string ns) =>
        uses.TryGetValue(ns, out var targets) ? targets : new SortedDictionary<string, SortedDictionary<string, string>>();

    public void AddFile(string ns, string path) => Get(files, ns).Add(path);

    public void AddUse(string from, string to, string path, string example)
    {
        if (from != to)
            Get(Get(uses, from), to).TryAdd(path, example);
    }

    /// <summary>
    /// The strongly connected components with more than one namespace (Tarjan): inside one, every namespace
    /// reaches every other, so none can be moved or layered without the rest. Sorted, deterministic.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var nodes = files.Keys.Concat(uses.Keys).Concat(uses.Values.SelectMany(t => t.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var lowLink = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = lowLink[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in UsesOf(node).Keys)
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    lowLink[node] = Math.Min(lowLink[node], lowLink[next]);
                }
                else if (onStack.Contains(next))
                    lowLink[node] = Math.Min(lowLink[node], index[next]);
            }
            if (lowLink[node] != index[node])
                return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            } while (member != node);
            if (component.Count > 1)
                components.Add(component.Order(StringComparer.Ordinal).ToList());
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
            Visit(node);
        return components.OrderBy(c => c[0], StringComparer.Ordinal).ToList();
    }

    private static TValue Get<TValue>(SortedDictionary<string, TValue> map, string key) where TValue : new()
    {
        if (!map.TryGetValue(key, out var value))
            map[key] = value = new TValue();
        return value;
    }
}
