extension DatacrazyMockServer {
  /// Misbehaviour to inject, so a client's retries can be tested. The shares
  /// partition one roll of the dice per admitted request: with
  /// `serverErrors = 0.1` and `tooManyRequests = 0.1`, about a fifth of the
  /// requests fail.
  public struct Faults: Sendable {
    /// Shares (0...1) of requests answered 500, answered 429 (with Retry-After),
    /// whose connection is closed without an answer, and whose body is cut short.
    public var serverErrors = 0.0
    public var tooManyRequests = 0.0
    public var droppedConnections = 0.0
    public var truncatedBodies = 0.0
    /// Added before each answer.
    public var latency: Duration = .zero
    /// Retry-After seconds sent with fault 429s.
    public var retryAfterSeconds = 1
    public init() {}
  }

  /// What the server serves and how strictly.
  ///
  /// ```
  /// var configuration = DatacrazyMockServer.Configuration(records: records, token: "t")
  /// configuration.rateLimit = (count: 60, window: .seconds(60))
  /// configuration.faults.serverErrors = 0.05
  /// ```
  public struct Configuration: Sendable {
    /// Each conversation's JSON text, newest first.
    public var records: [[UInt8]]
    /// The Bearer token to accept; nil accepts any request.
    public var token: String?
    /// The largest `take` honoured (a larger one gets this many).
    public var maximumTake = 100
    /// `take` when a request names none.
    public var defaultTake = 10
    /// A fixed-window rate limit per token: at most `count` requests per `window`; nil for none.
    public var rateLimit: (count: Int, window: Duration)?
    public var faults = Faults()
    /// Seeds the fault dice, so a test's faults repeat.
    public var seed: UInt64 = 1
    /// The loopback address listened on: 127.0.0.1, or another 127.x.y.z
    /// (tests that stop a server give each its own, so that nobody else
    /// takes its address and port meanwhile).
    public var host = "127.0.0.1"
    public init(records: [[UInt8]], token: String? = nil) {
      self.records = records
      self.token = token
    }
  }

  /// What the server saw, for tests.
  public struct Statistics: Sendable {
    /// Every request that reached the server, whatever its answer.
    public var requests = 0
    /// Complete 200 answers (a truncated body is counted in `truncatedBodies` only).
    public var answered200 = 0
    /// Rate-limited and fault 429s.
    public var answered429 = 0
    public var answered5xx = 0
    /// 400, 401, 404 and 405 answers.
    public var answered4xx = 0
    /// Connections closed without an answer (a fault).
    public var droppedConnections = 0
    /// Answers whose body was cut short (a fault).
    public var truncatedBodies = 0
    /// Records sent in complete 200 pages.
    public var recordsServed = 0
    /// The most requests that arrived within any interval of the rate limit's window.
    /// Without a rate limit the interval is `DatacrazyMockServer.defaultStatisticsWindow`.
    public var maximumInAnyWindow = 0
    public init() {}
  }

  /// The interval `Statistics.maximumInAnyWindow` measures when no rate limit is set:
  /// the measured API's window.
  public static let defaultStatisticsWindow: Duration = .seconds(60)
}
