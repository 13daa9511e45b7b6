import Foundation

/// Shows text taller than the terminal through `$PAGER` (default `less -FRSX`).
public enum Pager {
  /// True when `text` has at least `rows` lines, so it would scroll off the screen.
  public static func isTaller(_ text: [UInt8], than rows: Int) -> Bool {
    var lines = 0
    for byte in text where byte == 0x0A {
      lines += 1
      if lines >= rows { return true }
    }
    return false
  }

  /// Pipes `text` into the pager and waits for it; false when it cannot start.
  public static func show(_ text: [UInt8]) -> Bool {
    let environment = ProcessInfo.processInfo.environment
    let command = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRSX"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let input = Pipe()
    process.standardInput = input
    do {
      try process.run()
    } catch {
      return false
    }
    let previous = signal(SIGPIPE, SIG_IGN)  // the reader may quit the pager early
    try? input.fileHandleForWriting.write(contentsOf: Data(text))
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    signal(SIGPIPE, previous)
    return true
  }
}
