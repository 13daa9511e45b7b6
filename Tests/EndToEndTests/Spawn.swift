import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a program that may leave a daemon behind (`tmux new-session` starts
/// the tmux server) and waits for the program itself, not for the daemon.
///
/// Foundation's `Process` cannot do this: on Linux it learns of a child's
/// exit when the last copy of a socket it hands the child is closed, and a
/// daemon that inherits that socket keeps it open, so `waitUntilExit()`
/// waits for the daemon. Here the child gets /dev/null as stdin and stderr,
/// `stdout` as stdout, and no other descriptor of ours (where the C library
/// can close them: glibc 2.34 and later).
enum Spawn {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Runs `arguments` (the program looked up in PATH) and returns its exit
  /// status, killing it after `timeout`.
  @discardableResult
  static func run(_ arguments: [String], stdout: String = "/dev/null", timeout: Duration = .seconds(20))
    throws -> Int32
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    if let closeFrom = closeFrom { _ = closeFrom(&actions, 3) }

    // The child starts with no signal blocked or ignored: the calling thread
    // blocks some, the test process ignores SIGPIPE, and a tmux server
    // inheriting those would never see its panes end.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var signals = sigset_t()
    sigemptyset(&signals)
    posix_spawnattr_setsigmask(&attributes, &signals)
    sigfillset(&signals)
    posix_spawnattr_setsigdefault(&attributes, &signals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
    guard spawned == 0 else {
      throw Failure(description: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
    }

    let deadline = ContinuousClock.now + timeout
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
      if ContinuousClock.now > deadline {
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        throw Failure(description: "\(arguments.joined(separator: " ")) took longer than \(timeout)")
      }
      usleep(5_000)
    }
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  }

  /// Runs `arguments` and returns what it printed.
  static func output(_ arguments: [String]) throws -> String {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("spawn-\(UUID().uuidString)").path
    defer { unlink(file) }
    try run(arguments, stdout: file)
    return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
  }

  private typealias AddCloseFrom =
    @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

  /// glibc's `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc
  /// module does not export.
  private static let closeFrom: AddCloseFrom? = {
    guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
    return unsafeBitCast(symbol, to: AddCloseFrom.self)
  }()
}
