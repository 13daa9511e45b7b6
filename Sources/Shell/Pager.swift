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

  /// Pipes `text` into the pager and waits for it; false when it cannot
  /// start (or its command is not found), so the caller writes the text.
  ///
  /// The pager runs in dcq's own process group, the terminal's foreground
  /// group, so that it can read keys from the terminal (Foundation's
  /// `Process` would give it a group of its own, where `less` cannot).
  public static func show(_ text: [UInt8]) -> Bool {
    let environment = ProcessInfo.processInfo.environment
    let command = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRSX"
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { return false }
    let (reading, writing) = (pipeEnds[0], pipeEnds[1])
    // Close-on-exec: nothing else spawned meanwhile may hold the pipe open.
    for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, reading, 0)
    posix_spawn_file_actions_addclose(&actions, reading)
    posix_spawn_file_actions_addclose(&actions, writing)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var signals = sigset_t()
    sigemptyset(&signals)
    posix_spawnattr_setsigmask(&attributes, &signals)
    sigaddset(&signals, SIGINT)
    sigaddset(&signals, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &signals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    // dcq's tables are UTF-8 whatever the locale says.
    var variables = environment
    if variables["LESSCHARSET"] == nil { variables["LESSCHARSET"] = "utf-8" }
    let pairs = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { pairs.forEach { free($0) } }
    let words: [String] = ["/bin/sh", "-c", command]
    let arguments = words.map { strdup($0) } + [nil]
    defer { arguments.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments, pairs)
    close(reading)
    guard spawned == 0 else {
      close(writing)
      return false
    }

    let previous = signal(SIGPIPE, SIG_IGN)  // the reader may quit the pager early
    text.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = write(writing, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { break }
        offset += written
      }
    }
    close(writing)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    signal(SIGPIPE, previous)
    // 127: the shell found no such command.
    return !((status & 0x7f) == 0 && (status >> 8) & 0xff == 127)
  }
}
