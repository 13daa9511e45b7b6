import Foundation
import Testing

/// The REPL in a real terminal: tmux runs the built dcq, types keys and reads the screen.
@Suite(.serialized) struct ReplTests {
  /// A tmux session running dcq in its own folder, history and all.
  final class Terminal {
    let name = "dcq-test-\(UUID().uuidString.prefix(8))"
    let folder: URL
    let command: String

    init() throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let products = try #require(Products.directory, "no dcq beside the test bundle")
      let input = try #require(Bundle.module.url(forResource: "Cases/inputs/small", withExtension: "json"))
      command =
        "env -i HOME=\(folder.path) TERM=xterm PATH=/usr/bin:/bin NO_COLOR=1 DCQ_HISTORY=\(folder.path)/history "
        + "DCQ_CACHE_DIR=\(folder.path)/cache \(products.path)/dcq --input \(input.path)"
    }

    func start() throws {
      // The server that new-session starts lives on: it must not hold our pipe open.
      try tmux(quiet: true, "new-session", "-d", "-s", name, "-x", "100", "-y", "30", command + "; echo EXITED $?; sleep 60")
      try waitFor("dcq>")
    }

    func type(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    func screen() throws -> String { try tmux("capture-pane", "-t", name, "-p") }

    /// Waits (up to 10 s) until the screen shows `text`.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1) throws -> String {
      let deadline = Date().addingTimeInterval(10)
      var last = ""
      while Date() < deadline {
        last = try screen()
        if last.components(separatedBy: text).count - 1 >= count { return last }
        Thread.sleep(forTimeInterval: 0.05)
      }
      Issue.record("timed out waiting for \(text.debugDescription); screen:\n\(last)")
      throw CancellationError()
    }

    func stop() { _ = try? tmux(quiet: true, "kill-session", "-t", name) }

    @discardableResult
    func tmux(quiet: Bool = false, _ arguments: String...) throws -> String { try tmux(arguments, quiet: quiet) }

    @discardableResult
    func tmux(_ arguments: [String], quiet: Bool = false) throws -> String {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["tmux"] + arguments
      let output = Pipe()
      process.standardOutput = quiet ? FileHandle.nullDevice : output
      process.standardError = FileHandle.nullDevice
      process.standardInput = FileHandle.nullDevice
      try process.run()
      let data = quiet ? Data() : output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return String(decoding: data, as: UTF8.self)
    }
  }

  @Test func completionQueriesContinuationCtrlCAndHistory() throws {
    let terminal = try Terminal()
    defer { terminal.stop() }
    try terminal.start()

    // Tab completes a field path from the loaded records.
    try terminal.type("where contact.plat", "Tab")
    try terminal.waitFor("dcq> where contact.platform")
    // A statement continues over two lines after a trailing `|`.
    // (The completion ends with a space, so the operator follows it.)
    try terminal.type("== \"WHATSAPP\" |", "Enter")
    try terminal.waitFor("  ->")
    try terminal.type("count", "Enter")
    var screen = try terminal.waitFor("1 row")
    #expect(screen.contains("    3"))

    // Ctrl-C drops the line being typed; the prompt is back.
    try terminal.type("select id, name")
    try terminal.waitFor("dcq> select id, name")
    try terminal.type("C-c")
    try terminal.type("count", "Enter")
    screen = try terminal.waitFor("1 row", count: 2)
    #expect(screen.contains("    6"))
    #expect(!screen.contains("select id, namecount"))

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
    let history = try String(contentsOf: terminal.folder.appendingPathComponent("history"), encoding: .utf8)
    #expect(history.contains("where contact.platform == \"WHATSAPP\" |\ncount"))
    let mode = try FileManager.default.attributesOfItem(atPath: terminal.folder.appendingPathComponent("history").path)[
      .posixPermissions] as? Int
    #expect(mode == 0o600)
  }
}
