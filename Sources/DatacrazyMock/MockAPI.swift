// API STUB written by the lead; the mock helper replaces the bodies (and may
// split the file). The public signatures are the contract others compile against.
import Foundation

/// A Datacrazy-compatible `GET /api/v1/conversations` on 127.0.0.1, for tests and `--demo`.
public final class DatacrazyMockServer: Sendable {
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

  public struct Configuration: Sendable {
    /// Each conversation's JSON text, newest first.
    public var records: [[UInt8]]
    /// The Bearer token to accept; nil accepts any request.
    public var token: String?
    /// The largest `take` honoured (a larger one gets this many).
    public var maximumTake = 100
    /// A fixed-window rate limit per token: at most `count` requests per `window`; nil for none.
    public var rateLimit: (count: Int, window: Duration)?
    public var faults = Faults()
    /// Seeds the fault dice, so a test's faults repeat.
    public var seed: UInt64 = 1
    public init(records: [[UInt8]], token: String? = nil) {
      self.records = records
      self.token = token
    }
  }

  /// What the server saw, for tests.
  public struct Statistics: Sendable {
    public var requests = 0
    public var answered200 = 0
    public var answered429 = 0
    public var answered5xx = 0
    /// The most requests that arrived within any interval of the rate limit's window.
    public var maximumInAnyWindow = 0
    public init() {}
  }

  public init(configuration: Configuration) { fatalError("stub") }

  /// Starts listening on 127.0.0.1 (`port` 0 picks a free one) and returns the port.
  public func start(port: UInt16 = 0) async throws -> UInt16 { fatalError("stub") }
  public func stop() async {}
  public var statistics: Statistics { get async { fatalError("stub") } }
  /// `http://127.0.0.1:PORT` once started.
  public var baseURL: URL { get async { fatalError("stub") } }
}
