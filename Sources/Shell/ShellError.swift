import QueryLanguage

/// Why a script stopped; `dcq` maps each kind to its exit status.
public enum ShellError: Error {
  /// A query error in `source`, rendered with its line and caret.
  case query(Diagnostic, source: String)
  /// Records that are not JSON of the accepted shapes.
  case input(String)
  /// A dot-command used wrongly, or a file it names that cannot be read.
  case usage(String)

  public var message: String {
    switch self {
    case .query(let diagnostic, let source): return diagnostic.rendered(source: source)
    case .input(let text), .usage(let text): return text
    }
  }
}
