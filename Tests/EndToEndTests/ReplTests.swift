import Foundation
import Testing

/// The REPL in a real terminal: tmux runs the built dcq, types keys and reads the screen.
@Suite(.serialized) struct ReplTests {
  /// A tmux session running dcq in its own folder, history and all.
  final class Terminal: @unchecked Sendable {
    // Unchecked: used by one thread at a time (the test's own).
    let name = "dcq-test-\(UUID().uuidString.prefix(8))"
    let folder: URL
    let command: String

    init() throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      guard let products = Products.directory else {
        throw Timeout(text: "dcq beside the test bundle", screen: "")
      }
      command =
        "env -i HOME=\(folder.path) TERM=xterm PATH=/usr/bin:/bin NO_COLOR=1 DCQ_HISTORY=\(folder.path)/history "
        + "DCQ_CACHE_DIR=\(folder.path)/cache \(products.path)/dcq --demo"
    }

    func start() throws {
      try tmux(
        quiet: true, "new-session", "-d", "-s", name, "-x", "100", "-y", "30",
        command + "; echo EXITED $?; sleep 60")
      try waitFor("dcq>")
    }

    func type(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    func screen() throws -> String { try tmux("capture-pane", "-t", name, "-p") }

    /// Waits (up to 20 s) until the screen shows `text`.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1) throws -> String {
      let deadline = Date().addingTimeInterval(20)
      var last = ""
      while Date() < deadline {
        last = try screen()
        if last.components(separatedBy: text).count - 1 >= count { return last }
        Thread.sleep(forTimeInterval: 0.05)
      }
      throw Timeout(text: text, screen: last)
    }

    struct Timeout: Error, CustomStringConvertible {
      let text: String
      let screen: String
      var description: String { "timed out waiting for \(text.debugDescription); screen:\n\(screen)" }
    }

    func stop() { _ = try? tmux(quiet: true, "kill-server") }

    @discardableResult
    func tmux(quiet: Bool = false, _ arguments: String...) throws -> String {
      try tmux(arguments, quiet: quiet)
    }

    @discardableResult
    func tmux(_ arguments: [String], quiet: Bool = false) throws -> String {
      // Not Foundation's Process: see Spawn. The tmux server that the first
      // new-session starts must hold none of our descriptors either.
      // A server of our own (-L): the test must not lean on one that is
      // already running, nor disturb it.
      let command = ["tmux", "-L", name] + arguments
      if quiet {
        try Spawn.run(command)
        return ""
      }
      return try Spawn.output(command)
    }
  }

  /// What the session showed, checked once it is over.
  struct Observations: Sendable {
    var afterContinuation = ""
    var afterCtrlC = ""
    var history = ""
    var historyMode: Int?
  }

  @Test func completionQueriesContinuationCtrlCAndHistory() async throws {
    // tmux is driven with blocking calls and sleeps: on a thread of its own,
    // not on the few threads that every other async test shares.
    let seen = try await offThePool { try Self.session() }
    #expect(seen.afterContinuation.contains(" 2174"))
    #expect(seen.afterCtrlC.contains(" 3000"))
    #expect(!seen.afterCtrlC.contains("select id, namecount"))
    #expect(seen.history.contains("where contact.platform == \"WHATSAPP\" |\ncount"))
    #expect(seen.historyMode == 0o600)
  }

  static func session() throws -> Observations {
    let terminal = try Terminal()
    defer { terminal.stop() }
    var seen = Observations()
    try terminal.start()

    // Tab completes a field path from the loaded records.
    try terminal.type("where contact.plat", "Tab")
    try terminal.waitFor("dcq> where contact.platform")
    // A statement continues over two lines after a trailing `|`.
    // (The completion ends with a space, so the operator follows it.)
    try terminal.type("== \"WHATSAPP\" |", "Enter")
    try terminal.waitFor("  ->")
    try terminal.type("count", "Enter")
    seen.afterContinuation = try terminal.waitFor("1 row")

    // Ctrl-C drops the line being typed; the prompt is back.
    try terminal.type("select id, name")
    try terminal.waitFor("dcq> select id, name")
    try terminal.type("C-c")
    try terminal.type("count", "Enter")
    seen.afterCtrlC = try terminal.waitFor("1 row", count: 2)

    // A query error prints the diagnostic and the REPL goes on.
    try terminal.type("wher finished", "Enter")
    try terminal.waitFor("did you mean 'where'?")
    try terminal.type(".quit", "Enter")
    try terminal.waitFor("EXITED 0")

    // A new session recalls the last entry with Up.
    try terminal.tmux(quiet: true, "kill-session", "-t", terminal.name)
    try terminal.start()
    try terminal.type("Up")
    try terminal.waitFor("dcq> .quit")
    try terminal.type("C-u", "C-d")
    try terminal.waitFor("EXITED 0")
    let history = terminal.folder.appendingPathComponent("history")
    seen.history = try String(contentsOf: history, encoding: .utf8)
    seen.historyMode =
      try FileManager.default.attributesOfItem(atPath: history.path)[.posixPermissions] as? Int
    return seen
  }
}

/// Runs blocking work on a thread of its own and awaits its result.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
  }
}
