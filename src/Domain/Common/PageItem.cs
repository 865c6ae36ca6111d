namespace ETicket.Domain.Common;

/// <summary>One item of a page; its cursor is worked out when first asked for (a page usually shows one or none).</summary>
public sealed class PageItem<T>(T node, Func<T, string> cursorOf)
{
    private string? _cursor;

    public PageItem(T node, string cursor)
        : this(node, _ => cursor) => _cursor = cursor;

    public T Node { get; } = node;

    public string Cursor => _cursor ??= cursorOf(Node);
}
