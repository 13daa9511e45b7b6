import ArgumentParser
import ConversationGenerator
import DatacrazyMock
import Foundation

/// `datacrazy-mock`: the mock Datacrazy API as a process, for trying dcq
/// (`DATACRAZY_API_URL=http://127.0.0.1:PORT`) and for benchmarks.
struct DatacrazyMockCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "datacrazy-mock",
    abstract: "Serve a Datacrazy-compatible GET /api/v1/conversations on 127.0.0.1.",
    discussion: """
      Prints "listening on http://HOST:PORT" once it listens, then serves until \
      interrupted. Fault shares are fractions of the requests (0.1 is 10%).
      """)

  @Option(help: "The port to listen on; 0 picks a free one.")
  var port: UInt16 = 0

  @Option(help: "The loopback address to listen on, 127.x.y.z.")
  var host = "127.0.0.1"

  @Option(help: "Serve this many generated conversations (default: 1000).")
  var count: Int?

  @Option(help: "The generator's seed for --count.")
  var seed = ConversationGenerator.demoSeed

  @Option(help: "Serve the conversations of FILE: a JSON array, an API page or NDJSON.")
  var file: String?

  @Option(help: "Accept only this Bearer token (default: any request).")
  var token: String?

  @Option(name: .customLong("max-take"), help: "The largest page served.")
  var maximumTake = 100

  @Option(name: .customLong("default-take"), help: "The page size when a request names no take.")
  var defaultTake = 10

  @Option(
    name: .customLong("rate-limit"),
    help: "A fixed-window limit per token, N/WINDOW (e.g. 60/60s, 10/500ms); N alone means N/60s.",
    transform: RateLimitOption.parse)
  var rateLimit: RateLimitOption?

  @Option(help: "Share of requests answered 500 with a stack trace.")
  var errors = 0.0

  @Option(help: "Share of requests answered 429 regardless of the rate limit.")
  var throttle = 0.0

  @Option(help: "Share of connections closed without an answer.")
  var drops = 0.0

  @Option(help: "Share of answers whose body is cut short.")
  var truncate = 0.0

  @Option(name: .customLong("retry-after"), help: "Retry-After seconds of the --throttle 429s.")
  var retryAfter = 1

  @Option(help: "Delay before each answer (e.g. 50ms, 1s).", transform: DurationOption.parse)
  var latency: Duration = .zero

  @Option(name: .customLong("fault-seed"), help: "Seed of the fault dice.")
  var faultSeed: UInt64 = 1

  func validate() throws {
    if count != nil && file != nil { throw ValidationError("give --count or --file, not both") }
    for (name, share) in [
      ("errors", errors), ("throttle", throttle), ("drops", drops), ("truncate", truncate),
    ]
    where !(0...1).contains(share) {
      throw ValidationError("--\(name) must be between 0 and 1")
    }
    if errors + throttle + drops + truncate > 1 {
      throw ValidationError("the fault shares add up to more than 1")
    }
    if maximumTake < 1 { throw ValidationError("--max-take must be at least 1") }
  }

  func run() async throws {
    try await serve()
  }

  /// Serves until SIGINT or SIGTERM.
  func serve() async throws {
    let (server, count) = try makeServer()
    let bound = try await server.start(port: port)
    let stopping = Shutdown(server: server)
    // Written straight to the file descriptor: whoever waits for this line
    // reads it now, not when a buffer fills.
    FileHandle.standardOutput.write(Data("listening on http://\(host):\(bound)\n".utf8))
    FileHandle.standardError.write(Data("serving \(count) conversations\n".utf8))
    await stopping.wait()
  }

  /// The server and how many conversations it serves; the records' own
  /// copy ends here, once the server has laid them out.
  private func makeServer() throws -> (DatacrazyMockServer, Int) {
    let records = try loadRecords()
    var configuration = DatacrazyMockServer.Configuration(records: records, token: token)
    configuration.maximumTake = maximumTake
    configuration.defaultTake = defaultTake
    configuration.rateLimit = rateLimit.map { (count: $0.count, window: $0.window) }
    configuration.faults.serverErrors = errors
    configuration.faults.tooManyRequests = throttle
    configuration.faults.droppedConnections = drops
    configuration.faults.truncatedBodies = truncate
    configuration.faults.retryAfterSeconds = retryAfter
    configuration.faults.latency = latency
    configuration.seed = faultSeed
    configuration.host = host
    return (DatacrazyMockServer(configuration: configuration), records.count)
  }

  private func loadRecords() throws -> [[UInt8]] {
    guard let file else {
      return ConversationGenerator(seed: seed).records(count: max(0, count ?? 1000))
    }
    let bytes: [UInt8]
    do {
      bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
    } catch {
      throw LoadFailure(description: "cannot read \(file): \(error.localizedDescription)")
    }
    do {
      return try DatacrazyMockServer.records(fromJSON: bytes)
    } catch {
      throw LoadFailure(description: "\(file): \(error)")
    }
  }

  /// Conversations that could not be read: an error without the usage text.
  struct LoadFailure: Error, CustomStringConvertible {
    let description: String
  }
}
