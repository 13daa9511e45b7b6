/// An expression with the source range it was parsed from.
public struct Expression: Sendable {
  public indirect enum Kind: Sendable {
    case literal(Value)
    /// A path from the current record: `contact.name` is `.rootPath([.key("contact"), .key("name")], ...)`.
    /// `flatName` is the path's whole text, read first as a key of its own (LANGUAGE.md §4).
    case rootPath([PathStep], flatName: String?)
    /// Path steps applied to another expression's value: `split(s, ",")[0]`.
    case path(Expression, [PathStep])
    /// `.` alone: the whole current record.
    case record
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case not(Expression)
    /// `x in (a, b)` (a list) or `x in expr` (an array); `negated` for `not in`.
    case inList(Expression, [Expression], negated: Bool)
    case inArray(Expression, Expression, negated: Bool)
    case isNull(Expression, negated: Bool)
    case matches(Expression, CompiledRegex)
    case call(Function, [Expression])
    /// A root path the reader extracts for every record ahead of time; made by the planner.
    case slot(Int, flatSlot: Int?, rest: [PathStep], original: Expression)
  }

  public var kind: Kind
  public var range: SourceRange

  public init(_ kind: Kind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

public enum PathStep: Sendable {
  case key(String)
  case index(Expression)
  /// `[*]`: the steps after it apply to each element.
  case each
}

public enum UnaryOperator: String, Sendable { case negate = "-" }

public enum BinaryOperator: String, Sendable {
  case equal = "=="
  case notEqual = "!="
  case matchesCaseless = "=~"
  case notMatchesCaseless = "!~"
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case contains
  case notContains = "!contains"
  case startsWith = "startswith"
  case endsWith = "endswith"
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case remainder = "%"
}

/// A regular expression checked at parse time.
public struct CompiledRegex: @unchecked Sendable {
  // Swift's Regex is immutable once built and safe to share across threads;
  // the compiler does not mark `Regex<AnyRegexOutput>` Sendable on Linux.
  public let pattern: String
  public let regex: Regex<AnyRegexOutput>
}

/// One stage of a pipeline.
public enum Stage: Sendable {
  case `where`(Expression)
  case select([SelectItem])
  case extend([NamedExpression])
  case sort([SortKey])
  case take(Int)
  case skip(Int)
  case top(Int, SortKey)
  case distinct([SelectItem])
  case count
  case expand(name: String, Expression, replacesPath: [String]?)
  case summarize([AggregateItem], by: [NamedExpression])
}

public struct NamedExpression: Sendable {
  public var name: String
  public var expression: Expression
}

public enum SelectItem: Sendable {
  case all
  case named(NamedExpression)
}

public struct SortKey: Sendable {
  public var expression: Expression
  public var descending: Bool
}

public struct AggregateItem: Sendable {
  public var name: String
  public var aggregate: Aggregate
  public var arguments: [Expression]
}

/// Where a pipeline's records come from.
public enum PipelineSource: Sendable, Equatable {
  case conversations
  case name(String)
}

public struct StageNode: Sendable {
  public var stage: Stage
  /// The stage's name token, for messages and `--explain`.
  public var name: String
  public var range: SourceRange
}

public struct Pipeline: Sendable {
  public var source: PipelineSource
  public var stages: [StageNode]
  public var range: SourceRange
}

public enum Statement: Sendable {
  case pipeline(Pipeline)
  case `let`(name: String, Pipeline)
  /// A line starting with `.`, for the shell to run (`.fields contact`).
  case dotCommand(String, range: SourceRange)
}

public struct Script: Sendable {
  public var source: String
  public var statements: [Statement]
}
