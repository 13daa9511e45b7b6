import Foundation

extension ReplTests {
  /// A tmux session running dcq in its own folder, history and all.
  final class Terminal: @unchecked Sendable {
    // Unchecked: used by one thread at a time (the test's own).
    let name = "dcq-test-\(UUID().uuidString.prefix(8))"
    let folder: URL
    let products: URL
    /// dcq's environment: nothing of ours but what is set here.
    let environment: [String: String]
    let arguments: String

    /// dcq with `arguments` (words without quotes), and `environment` added to its own.
    init(arguments: String = "--demo", environment extra: [String: String] = [:], colour: Bool = false) throws
    {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      guard let products = Products.directory else {
        throw Timeout(text: "dcq beside the test bundle", screen: "")
      }
      self.products = products
      environment = [
        "HOME": folder.path, "TERM": "xterm", "PATH": "/usr/bin:/bin", "NO_COLOR": "1",
        "DCQ_HISTORY": folder.path + "/history", "DCQ_CACHE_DIR": folder.path + "/cache",
      ].merging(extra) { $1 }.filter { colour ? $0.key != "NO_COLOR" : true }
      self.arguments = arguments
    }

    var command: String {
      let variables = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
      return "env -i \(variables.joined(separator: " ")) \(products.path)/dcq \(arguments)"
    }

    func start() throws {
      try tmux(
        quiet: true, "new-session", "-d", "-s", name, "-x", "100", "-y", "30", "-c", folder.path,
        command + "; echo EXITED $?; sleep 60")
      try waitFor("dcq>")
    }

    /// Runs dcq once with `arguments`, not in the terminal, and returns its stdout.
    func runOnce(_ arguments: [String]) throws -> String {
      let process = Process()
      process.executableURL = products.appendingPathComponent("dcq")
      process.arguments = arguments
      process.environment = environment
      let output = Pipe()
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      process.standardInput = FileHandle.nullDevice
      try process.run()
      let data = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return String(decoding: data, as: UTF8.self)
    }

    /// Clears the screen, enters `entries` one by one, and waits for `text`.
    @discardableResult
    func enter(_ entries: String..., until text: String) throws -> String {
      try type("C-l")
      for entry in entries { try type(entry, "Enter") }
      return try waitFor(text)
    }

    func type(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    func screen() throws -> String { try tmux("capture-pane", "-t", name, "-p") }

    /// The screen with lines that the terminal wrapped joined again.
    func joinedScreen() throws -> String { try tmux("capture-pane", "-t", name, "-p", "-J") }

    /// The screen with its colours and attributes as escape sequences.
    func colouredScreen() throws -> String { try tmux("capture-pane", "-t", name, "-p", "-e") }

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
}
