import Foundation
import Testing

/// The REPL in a real terminal: tmux runs the built dcq, types keys and reads the screen.
@Suite(.serialized) struct ReplTests {
  /// What the session showed, checked once it is over.
  struct Observations: Sendable {
    var afterContinuation = ""
    var afterCtrlC = ""
    var afterPaste = ""
    var recalledBlock = ""
    var searched = ""
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
    #expect(seen.afterPaste.contains(" 2174\n1 row\n\ncount\n─────\n 1319"))
    #expect(seen.history.contains("w | count\nw\n| where finished | count\n"))
    #expect(seen.history.components(separatedBy: "wher finished").count == 2)
    #expect(!seen.history.contains("secret"))
    #expect(
      seen.recalledBlock.contains("dcq> let w = where contact.platform == \"WHATSAPP\"\nw | count\nw\n|"))
    #expect(seen.searched.contains("(reverse-i-search)`WHATS': where contact.platform == \"WHATSAPP\" |"))
    #expect(seen.historyMode == 0o600)
  }

  @Test func anOldCacheAnswersAtOnceWhileItSyncsInTheBackground() async throws {
    let seen = try await offThePool { try Self.backgroundSync() }
    #expect(seen.filled == "100\n")
    #expect(seen.banner.contains("the cache is 0s old: syncing in the background"))
    #expect(seen.whileSyncing.contains("  100\n1 row"))
    #expect(!seen.whileSyncing.contains("namecount"))
    #expect(seen.afterSync.contains("synced 300 conversations"))
    #expect(seen.afterSync.contains("  300\n1 row"))
    #expect(seen.refreshFailed.contains(".refresh: cannot reach 127.0.0.1"))
    #expect(seen.stoppedSync.contains("dcq: the background sync stopped; answering from the cache as it was"))
    #expect(seen.stoppedSync.contains("  300\n1 row"))
  }

  @Test func filesWarningsTimerWidthAndPager() async throws {
    let seen = try await offThePool { try Self.screenBehaviour() }
    #expect(seen.ranScript.contains("dcq> .run my-scripts/weekly-report.dcq\ncount"))
    #expect(seen.warned.contains("no record has the field 'contatc.name'"))
    #expect(seen.warned.contains("did you mean 'contact.name'?"))
    let timed = seen.timed
    #expect(timed.range(of: "1 row").map { $0.upperBound < timed.range(of: "time:")!.lowerBound } == true)
    #expect(seen.completedAfterCtrlC.contains("dcq> .format"))
    #expect(seen.narrowWidest <= 60)
    #expect(seen.narrow.contains("3 rows"))
    #expect(!seen.pagerFirst.contains("100 rows"))
    #expect(seen.pagerFirst.contains("──"))
    #expect(seen.pagerEnd.contains("100 rows"))
    #expect(seen.afterPager.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("100 rows\ndcq>"))
  }

  struct Screens: Sendable {
    var ranScript = "", warned = "", timed = "", completedAfterCtrlC = "", narrow = ""
    var narrowWidest = 0
    var pagerFirst = "", pagerEnd = "", afterPager = ""
  }

  static func screenBehaviour() throws -> Screens {
    let terminal = try Terminal()
    defer { terminal.stop() }
    let scripts = terminal.folder.appendingPathComponent("my-scripts")
    try FileManager.default.createDirectory(at: scripts, withIntermediateDirectories: true)
    try "count\n".write(
      to: scripts.appendingPathComponent("weekly-report.dcq"), atomically: true, encoding: .utf8)
    var seen = Screens()
    try terminal.start()

    // File names complete whole after .run: a folder, then a file in it.
    try terminal.type(".run m", "Tab")
    try terminal.waitFor("dcq> .run my-scripts/")
    try terminal.type("w", "Tab")
    try terminal.waitFor("dcq> .run my-scripts/weekly-report.dcq")
    try terminal.type("Enter")
    seen.ranScript = try terminal.waitFor("1 row")

    // A field that no record has: a warning naming the nearest one.
    try terminal.type("C-l")
    try terminal.type(#"where contatc.name == "x" | count"#, "Enter")
    seen.warned = try terminal.waitFor("1 row")

    // The time comes after the result it measures.
    try terminal.type("C-l")
    try terminal.type(".timer on", "Enter")
    try terminal.type("count", "Enter")
    try terminal.waitFor("time:")
    seen.timed = try terminal.waitFor("dcq>", count: 3)
    try terminal.type(".timer off", "Enter")

    // Ctrl-C on a continuation line: completion no longer sees the dropped lines.
    try terminal.type("C-l")
    try terminal.type("where finished |", "Enter")
    try terminal.waitFor("  ->")
    try terminal.type("C-c")
    try terminal.type(".fo", "Tab")
    seen.completedAfterCtrlC = try terminal.waitFor("dcq> .format")
    try terminal.type("C-u")

    // Tables fit the terminal as it is now.
    try terminal.tmux(quiet: true, "resize-window", "-t", terminal.name, "-x", "60")
    try terminal.type("C-l")
    try terminal.type(
      "select id, n = contact.name, d = currentDepartment.name, p = contact.platform, l = lastMessageDate | take 3",
      "Enter")
    try terminal.waitFor("3 rows")
    seen.narrow = try terminal.joinedScreen()
    // The table's lines (not the typed one, which readline wraps itself).
    seen.narrowWidest =
      seen.narrow.split(separator: "\n").filter { !$0.hasPrefix("dcq>") }.map(\.count).max() ?? 0

    // A result taller than the screen goes through less, which reads the keys.
    try terminal.type("C-l")
    try terminal.type("select id | take 100", "Enter")
    seen.pagerFirst = try terminal.waitFor("──")
    try terminal.type("G")
    seen.pagerEnd = try terminal.waitFor("100 rows")
    try terminal.type("q")
    seen.afterPager = try terminal.waitFor("dcq>")
    return seen
  }

  @Test func cacheCommandsAndACrash() async throws {
    let seen = try await offThePool { try Self.cacheCommands() }
    #expect(seen.described.contains("3000 conversations from the demo account"))
    #expect(seen.offline.contains("offline: on"))
    #expect(seen.cleared.contains("cache cleared"))
    #expect(seen.cleared.contains(" 3000\n1 row"))
    #expect(seen.emptyOffline.contains("the cache is empty: .offline off, then .refresh, syncs it"))
    #expect(seen.refreshed.contains("3000 conversations"))
    #expect(seen.stopping < 15, "Ctrl-C took \(seen.stopping) s")
    #expect(seen.historyAfterKill.contains("select crash = 1 | take 1"))
  }

  /// The real `.cache`, `.cache clear`, `.offline` and `.refresh` on the demo;
  /// then dcq killed with SIGKILL: its history already holds the last entry.
  static func cacheCommands() throws -> (
    described: String, offline: String, cleared: String, emptyOffline: String, refreshed: String,
    stopping: TimeInterval, historyAfterKill: String
  ) {
    let terminal = try Terminal()
    defer { terminal.stop() }
    try terminal.start()
    let described = try terminal.enter(".cache", until: "requests)")
    let offline = try terminal.enter(".offline on", ".offline", until: "offline: ")
    let cleared = try terminal.enter(".cache clear", "count", until: "1 row")
    let emptyOffline = try terminal.enter(".refresh", until: "cache is empty")
    let refreshed = try terminal.enter(".offline off", ".refresh", until: "requests)")

    // Ctrl-C stops a query that would run for minutes, and the REPL goes on.
    try terminal.type("C-l")
    try terminal.type(#"expand a = split(string(.), "") | count"#, "Enter")
    Thread.sleep(forTimeInterval: 0.5)
    let started = Date()
    try terminal.type("C-c")
    try terminal.waitFor("interrupted")
    let stopping = Date().timeIntervalSince(started)

    try terminal.type("select crash = 1 | take 1", "Enter")
    try terminal.waitFor("crash")
    let panes = try terminal.tmux("list-panes", "-t", terminal.name, "-F", "#{pane_pid}")
    let shell = panes.trimmingCharacters(in: .whitespacesAndNewlines)
    let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
    guard let dcq = children.split(separator: " ").first.flatMap({ Int32($0) }) else {
      throw Terminal.Timeout(text: "dcq's process", screen: children)
    }
    kill(dcq, SIGKILL)
    try terminal.waitFor("EXITED 137")
    let history = try String(
      contentsOf: terminal.folder.appendingPathComponent("history"), encoding: .utf8)
    return (described, offline, cleared, emptyOffline, refreshed, stopping, history)
  }

  @Test func aHistoryFileWithoutTimestampsKeepsItsEntries() async throws {
    let seen = try await offThePool {
      let terminal = try Terminal()
      defer { terminal.stop() }
      let history = terminal.folder.appendingPathComponent("history")
      try "count\nwhere finished | count\n.timer on\n".write(to: history, atomically: true, encoding: .utf8)
      try terminal.start()
      try terminal.type("Up")
      let last = try terminal.waitFor("dcq> .timer on")
      try terminal.type("Up")
      let before = try terminal.waitFor("dcq> where finished | count")
      try terminal.type("C-u", "C-d")
      try terminal.waitFor("EXITED 0")
      return (last, before, try String(contentsOf: history, encoding: .utf8))
    }
    #expect(!seen.0.contains("count\nwhere"))
    #expect(seen.1.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("dcq> where finished | count"))
    #expect(seen.2.hasPrefix("#"))
    #expect(seen.2.contains("\ncount\n#"))
  }

  @Test func warningsAndTimingsGoToStderr() async throws {
    let seen = try await offThePool {
      let terminal = try Terminal(arguments: "--demo 2>stderr.txt")
      defer { terminal.stop() }
      try terminal.start()
      // .fields waits for the field catalog, which warnings use once it is built.
      try terminal.enter(".fields contact.platform", until: "row")
      let screen = try terminal.enter(
        ".timer on", #"where contatc.name == "x" | count"#, until: "1 row")
      try terminal.type(".quit", "Enter")
      try terminal.waitFor("EXITED 0")
      let errors = try String(
        contentsOf: terminal.folder.appendingPathComponent("stderr.txt"), encoding: .utf8)
      return (screen, errors)
    }
    #expect(!seen.0.contains("time:"))
    #expect(!seen.0.contains("did you mean"))
    #expect(seen.1.contains("did you mean 'contact.name'?"))
    #expect(seen.1.contains("time: "))
  }

  @Test func tablesAreColouredOnATerminalWithoutNoColor() async throws {
    let screen = try await offThePool {
      let terminal = try Terminal(colour: true)
      defer { terminal.stop() }
      try terminal.start()
      try terminal.type(#"select n = 1, b = true, s = "x", z = null | take 1"#, "Enter")
      try terminal.waitFor("1 row")
      return try terminal.colouredScreen()
    }
    // `text` right after the attribute `code` (tmux may put other codes between).
    func shows(_ text: String, in code: String) throws -> Bool {
      let pattern = "\u{1B}\\[\(code)m(?:\u{1B}\\[[0-9;]*m)*\(text)"
      return screen.contains(try Regex(pattern))
    }
    // Headers bold, numbers cyan, booleans yellow, the row count dim; strings plain.
    #expect(try shows("n", in: "1"))
    #expect(try shows("1\u{1B}", in: "36"))
    #expect(try shows("true", in: "33"))
    #expect(try shows("1 row", in: "2"))
    #expect(try !shows("x", in: "3[0-9]"))
  }

  @Test func aLongFirstSyncGoesOnBehindThePrompt() async throws {
    let seen = try await offThePool { try Self.firstSync() }
    #expect(seen.banner.contains("loading the account's conversations in the background"))
    #expect(seen.stopped.contains("stopped waiting; the conversations are still loading"))
    #expect(seen.answered.contains("synced 300 conversations"))
    #expect(seen.answered.contains("  300\n1 row"))
    #expect(seen.refreshStopped.contains("interrupted: the cache is as it was"))
    #expect(seen.refreshStopped.hasSuffix("dcq>"))
  }

  /// The REPL on an empty cache while the API answers slowly: the prompt
  /// comes after a short wait, a query waits for the records (Ctrl-C stops
  /// the wait, not the sync), and answers once they are in.
  static func firstSync() throws -> (
    banner: String, stopped: String, answered: String, refreshStopped: String
  ) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dcq-mock-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let mock = try MockProcess(folder: folder, ["--count", "300", "--token", "t", "--latency", "1s"])
    defer { mock.stop() }
    let terminal = try Terminal(
      arguments: "",
      environment: [
        "DATACRAZY_API_URL": "http://127.0.0.1:\(mock.port)", "DATACRAZY_TOKEN": "t", "DCQ_RATE_LIMIT": "off",
        "DCQ_FIRST_SYNC_WAIT": "200ms",
      ])
    defer { terminal.stop() }
    try terminal.start()
    let banner = try terminal.screen()
    try terminal.type("count", "Enter")
    try terminal.type("C-c")
    let stopped = try terminal.waitFor("still loading")
    try terminal.type("count", "Enter")
    let answered = try terminal.waitFor("1 row")
    // Ctrl-C stops a .refresh's sync and the REPL goes on.
    try terminal.type("C-l")
    try terminal.type(".refresh", "Enter")
    Thread.sleep(forTimeInterval: 0.3)
    try terminal.type("C-c")
    try terminal.waitFor("interrupted")
    // The screen was cleared: the prompt of `.refresh`, then a new one.
    let refreshStopped = try terminal.waitFor("dcq>", count: 2).trimmingCharacters(
      in: .whitespacesAndNewlines)
    return (banner, stopped, answered, refreshStopped)
  }

  /// A cache of 100 conversations, then the REPL on it while the API has 300
  /// and answers slowly: the prompt and the old answers come at once, the
  /// new records once the sync has ended.
  static func backgroundSync() throws -> (
    filled: String, banner: String, whileSyncing: String, afterSync: String, refreshFailed: String,
    stoppedSync: String
  ) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dcq-mock-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try MockProcess(folder: folder, ["--count", "100", "--token", "t"])
    let terminal = try Terminal(
      arguments: "--max-age 0s",
      environment: [
        "DATACRAZY_API_URL": "http://127.0.0.1:\(first.port)", "DATACRAZY_TOKEN": "t",
        "DCQ_RATE_LIMIT": "off",
      ])
    defer { terminal.stop() }
    let filled = try terminal.runOnce(["count"])
    first.stop()
    let second = try MockProcess(
      folder: folder, ["--port", "\(first.port)", "--count", "300", "--token", "t", "--latency", "1s"])
    defer { second.stop() }

    try terminal.start()
    let banner = try terminal.waitFor("syncing in the background")
    // Ctrl-C drops a typed line here too (a session that opened an existing cache).
    try terminal.type("select id, name")
    try terminal.waitFor("dcq> select id, name")
    try terminal.type("C-c")
    try terminal.type("count", "Enter")
    let whileSyncing = try terminal.waitFor("1 row")
    // The news of the sync's end comes with the next entry after it.
    var afterSync = ""
    for _ in 0..<40 {
      Thread.sleep(forTimeInterval: 0.5)
      try terminal.type("C-l")
      try terminal.type("count", "Enter")
      afterSync = try terminal.waitFor("1 row")
      if afterSync.contains("synced") { break }
    }
    // With the API gone, .refresh says why in one line and the REPL goes on.
    second.stop()
    try terminal.type("C-l")
    try terminal.type(".refresh", "Enter")
    let refreshFailed = try terminal.waitFor("cannot reach")

    // Again with a slow API: .offline on stops the background sync.
    let third = try MockProcess(
      folder: folder, ["--port", "\(first.port)", "--count", "500", "--token", "t", "--latency", "3s"])
    defer { third.stop() }
    try terminal.tmux(quiet: true, "kill-session", "-t", terminal.name)
    try terminal.start()
    try terminal.waitFor("syncing in the background")
    try terminal.type(".offline on", "Enter")
    let stoppedSync = try terminal.enter("count", until: "1 row")
    return (filled, banner, whileSyncing, afterSync, refreshFailed, stoppedSync)
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

    // A pasted block (bracketed paste) is one entry, run by the script rules:
    // a `let`, then two statements, the second continued by a leading `|`.
    try terminal.tmux(
      quiet: true, "set-buffer",
      "let w = where contact.platform == \"WHATSAPP\"\nw | count\nw\n| where finished | count")
    try terminal.tmux(quiet: true, "paste-buffer", "-p", "-t", terminal.name)
    try terminal.type("Enter")
    seen.afterPaste = try terminal.waitFor(" 1319")

    // A query error prints the diagnostic and the REPL goes on.
    // Twice: the history keeps one. A line starting with a space is not kept.
    try terminal.type("C-l")
    try terminal.type("wher finished", "Enter")
    try terminal.type("wher finished", "Enter")
    try terminal.waitFor("did you mean 'where'?", count: 2)
    try terminal.type(" select secret = 1 | take 1", "Enter")
    try terminal.waitFor("1 row")
    try terminal.type(".quit", "Enter")
    try terminal.waitFor("EXITED 0")

    // A new session recalls the last entry with Up.
    try terminal.tmux(quiet: true, "kill-session", "-t", terminal.name)
    try terminal.start()
    try terminal.type("Up")
    try terminal.waitFor("dcq> .quit")
    // Further up, the pasted block comes back whole, all four lines of it.
    try terminal.type("Up", "Up")
    seen.recalledBlock = try terminal.waitFor("| where finished | count")
    // Ctrl-R searches the history.
    try terminal.type("C-g", "C-u", "C-r", "WHATS")
    seen.searched = try terminal.waitFor("(reverse-i-search)")
    try terminal.type("C-g", "C-u", "C-d")
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
