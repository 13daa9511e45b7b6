import Foundation

/// A Datacrazy-compatible `GET /api/v1/conversations` on 127.0.0.1, for tests and `--demo`.
///
/// ```
/// let server = DatacrazyMockServer(configuration: .init(records: records, token: "t"))
/// let port = try await server.start()
/// // GET http://127.0.0.1:PORT/api/v1/conversations?skip=0&take=100
/// //   Authorization: Bearer t
/// await server.stop()
/// ```
/// Like the API it serves only open conversations unless asked for
/// `filter[opened]=false`, pages with `skip` and `take`, answers
/// `{"count": N, "data": [...]}` with the records' bytes as configured, and,
/// when configured, keeps a fixed-window rate limit and injects faults.
/// A server dropped without `stop()` stops listening all the same.
public final class DatacrazyMockServer: Sendable {
  private let traffic: TrafficMonitor
  private let listener: LoopbackServer
  private let host: String

  public init(configuration: Configuration) {
    host = configuration.host
    let index = ConversationIndex(records: configuration.records)
    let traffic = TrafficMonitor(configuration: configuration)
    let handler = MockRequestHandler(
      endpoint: ConversationsEndpoint(
        index: index, maximumTake: max(0, configuration.maximumTake),
        defaultTake: max(0, configuration.defaultTake)),
      traffic: traffic, token: configuration.token, faults: configuration.faults)
    self.traffic = traffic
    listener = LoopbackServer { handler.reply(to: $0) }
  }

  deinit {
    listener.shutDown()
  }

  /// Starts listening on the configured loopback address (`port` 0 picks a
  /// free one) and returns the port.
  public func start(port: UInt16 = 0) async throws -> UInt16 {
    try await listener.start(host: host, port: port)
  }

  /// Closes the listener and the open connections.
  public func stop() async {
    await listener.stop()
  }

  public var statistics: Statistics {
    get async { traffic.snapshot }
  }

  /// `http://HOST:PORT` once started (port 0 before).
  public var baseURL: URL {
    get async { URL(string: "http://\(host):\(listener.port)")! }
  }
}
