import FlyingSocks
import Foundation

/// A small blocking HTTP/1.1 server on 127.0.0.1: one thread accepts, and
/// each connection gets a thread of its own that reads requests and writes
/// what `respond` decides.
///
/// Plain threads rather than Swift concurrency: a test's client and an
/// in-process `--demo` sync share the cooperative pool (two threads on a
/// two-core machine), and a server that never takes a thread from it can
/// neither starve them nor be starved. They also give the faults full
/// control of the socket: close without answering, or cut a body short.
final class LoopbackServer: Sendable {
  typealias Respond = @Sendable (RequestHead) -> MockReply

  /// The server could not start listening.
  struct StartFailure: Error, CustomStringConvertible {
    let description: String
  }

  private struct State {
    var port: UInt16 = 0
    /// The listener's wake pipe while it listens.
    var wake: Int32?
    /// Connections open now, shut down by `stop()`.
    var connections: Set<Int32> = []
    /// Resumed when the accept loop has closed the listener.
    var acceptLoopEnded: [CheckedContinuation<Void, Never>] = []
    /// Accepting connections: from `start` to `shutDown`.
    var listening = false
    /// The accept loop's thread is alive: from `start` until the listener is closed.
    var running = false
  }

  private let respond: Respond
  private let state = Locked(State())

  init(respond: @escaping Respond) {
    self.respond = respond
  }

  /// True for a dotted IPv4 address in 127.0.0.0/8.
  static func isLoopback(_ host: String) -> Bool {
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts[0] == "127"
      && parts.allSatisfy { part in UInt8(part).map { String($0) == part } ?? false }
  }

  /// The port listened on, 0 when not listening.
  var port: UInt16 { state.withLock { $0.port } }

  /// Listens on `host`:`port` (a loopback address; port 0 picks a free
  /// one) and returns the port; a server already listening keeps its port.
  func start(host: String = "127.0.0.1", port requested: UInt16) async throws -> UInt16 {
    guard Self.isLoopback(host) else {
      throw StartFailure(description: "\(host) is not a loopback address (127.x.y.z)")
    }
    if let port = state.withLock({ $0.listening ? $0.port : nil }) { return port }
    await stop()
    let socket: Socket
    do {
      socket = try Socket(domain: AF_INET)
    } catch {
      throw StartFailure(description: "cannot make a socket: \(error)")
    }
    let bound: UInt16
    do {
      try socket.setValue(true, for: .localAddressReuse)
      try socket.bind(to: sockaddr_in.inet(ip4: host, port: requested))
      try socket.listen()
      guard case .ip4(_, let port) = try socket.sockname() else {
        throw StartFailure(description: "no IPv4 address")
      }
      bound = port
    } catch {
      try? socket.close()
      throw StartFailure(description: "cannot listen on \(host):\(requested): \(error)")
    }
    guard let wake = SocketCalls.makePipe() else {
      try? socket.close()
      throw StartFailure(description: "cannot make a pipe")
    }
    for file in [socket.file.rawValue, wake.read, wake.write] { SocketCalls.closeOnExec(file) }
    state.withLock {
      $0.port = bound
      $0.wake = wake.write
      $0.listening = true
      $0.running = true
    }
    let listener = socket.file.rawValue
    Thread.detachNewThread { [self] in
      acceptConnections(listener, wake: wake.read)
      SocketCalls.closeFile(listener)
      SocketCalls.closeFile(wake.read)
      SocketCalls.closeFile(wake.write)
      let waiting = state.withLock { state in
        defer { state.acceptLoopEnded = [] }
        state.running = false
        return state.acceptLoopEnded
      }
      for continuation in waiting { continuation.resume() }
    }
    return bound
  }

  /// Closes the listener and shuts every open connection down; returns once
  /// the listener is closed.
  func stop() async {
    await withCheckedContinuation { continuation in
      let running = state.withLock { state in
        guard state.running else { return false }
        state.acceptLoopEnded.append(continuation)
        return true
      }
      if running { shutDown() } else { continuation.resume() }
    }
  }

  /// `stop()` without waiting: for a server that is going away.
  func shutDown() {
    state.withLock { state in
      guard state.listening else { return }
      state.listening = false
      if let wake = state.wake { SocketCalls.wake(wake) }
      state.wake = nil
      for connection in state.connections { SocketCalls.shutDown(connection) }
    }
  }

  private func acceptConnections(_ listener: Int32, wake: Int32) {
    let socket = Socket(file: .init(rawValue: listener))
    while SocketCalls.waitForConnection(listener, wake: wake) {
      guard let file = try? socket.accept().file.rawValue else {
        // Out of files, say: give the system a moment rather than spin.
        Thread.sleep(forTimeInterval: 0.01)
        continue
      }
      let admitted = state.withLock { state in
        guard state.listening else { return false }
        state.connections.insert(file)
        return true
      }
      guard admitted else {
        SocketCalls.closeFile(file)
        break
      }
      SocketCalls.closeOnExec(file)
      SocketCalls.prepareConnection(file)
      Thread.detachNewThread { [self] in
        var connection = LoopbackConnection(file: file, respond: respond)
        connection.serve()
        // Forgotten before it is closed, so `shutDown()` never touches a
        // number the system has given to another file.
        state.withLock { _ = $0.connections.remove(file) }
        SocketCalls.closeFile(file)
      }
    }
  }

  deinit {
    shutDown()
  }
}
