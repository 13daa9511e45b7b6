import DatacrazyMock
import Foundation

/// Ends the process cleanly on SIGINT or SIGTERM: the server stops (its
/// listener and connections close), then `wait()` returns.
final class Shutdown {
  private static let signals = [SIGINT, SIGTERM]
  private let sources: [any DispatchSourceSignal]
  private let stream: AsyncStream<Void>

  init(server: DatacrazyMockServer) {
    let (stream, continuation) = AsyncStream<Void>.makeStream()
    self.stream = stream
    sources = Self.signals.map { number in
      // Darwin would still end the process on the signal; Dispatch on Linux
      // installs its own handler either way.
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        Task {
          await server.stop()
          continuation.finish()
        }
      }
      source.resume()
      return source
    }
  }

  /// Returns once a signal has stopped the server.
  func wait() async {
    for await _ in stream {}
  }
}
