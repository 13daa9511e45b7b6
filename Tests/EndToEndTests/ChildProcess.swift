import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs one program to its end, with stdin from a pipe (or /dev/null) and
/// stdout and stderr captured through pipes, so that it never sees a terminal.
struct ChildProcess {
  struct Outcome {
    var stdout: String
    var stderr: String
    var status: Int32
    /// Killed by a signal (the status is then the signal's number).
    var signalled: Bool
    var timedOut: Bool
  }

  var executable: URL
  var arguments: [String]
  var environment: [String: String]
  var directory: URL
  var stdin: String?
  var timeout: Duration = .seconds(20)

  func run() async throws -> Outcome {
    // A child that exits without reading its stdin must not kill the tests.
    signal(SIGPIPE, SIG_IGN)

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = directory
    let output = Pipe()
    let errors = Pipe()
    let input = stdin == nil ? nil : Pipe()
    let nothing = stdin == nil ? FileHandle(forReadingAtPath: "/dev/null") : nil
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input ?? nothing
    // Our ends are closed at the end (run() closes the child's): hundreds
    // of cases would otherwise leak thousands of descriptors, and
    // Foundation's Process.run() crashes when it finds that many open.
    defer {
      for handle in [output.fileHandleForReading, errors.fileHandleForReading, nothing] {
        try? handle?.close()
      }
    }

    // Drain both pipes from the start: a child that fills a pipe would
    // otherwise wait for us while we wait for it.
    async let stdoutBytes = Self.readToEnd(output.fileHandleForReading)
    async let stderrBytes = Self.readToEnd(errors.fileHandleForReading)
    let exited = ExitFlag()
    let started = ContinuousClock.now
    let launched: Result<Int32, any Error> = await withCheckedContinuation { continuation in
      process.terminationHandler = { process in
        exited.set()
        continuation.resume(returning: .success(process.terminationStatus))
      }
      do {
        try Self.launch(process)
      } catch {
        try? output.fileHandleForWriting.close()
        try? errors.fileHandleForWriting.close()
        continuation.resume(returning: .failure(error))
        return
      }
      let pid = process.processIdentifier
      DispatchQueue.global().asyncAfter(deadline: .now() + Double(timeout.components.seconds)) {
        // The whole process group (Process makes the child its leader): a
        // case's background server holds our pipes and would outlive it.
        if !exited.isSet { kill(-pid, SIGKILL) }
      }
      if let stdin, let writer = input?.fileHandleForWriting {
        let bytes = Data(stdin.utf8)
        DispatchQueue.global().async {
          try? writer.write(contentsOf: bytes)
          try? writer.close()
        }
      }
    }
    let (stdoutData, stderrData) = await (stdoutBytes, stderrBytes)
    let status = try launched.get()
    let elapsed = ContinuousClock.now - started
    let signalled = process.terminationReason == .uncaughtSignal
    return Outcome(
      stdout: String(decoding: stdoutData, as: UTF8.self),
      stderr: String(decoding: stderrData, as: UTF8.self),
      status: status,
      signalled: signalled,
      timedOut: signalled && status == SIGKILL && elapsed >= timeout)
  }

  /// Starts `process`, retrying while its file is busy: a script that a
  /// case has just written may still be open for writing in a child that
  /// another case is forking, until that child execs.
  private static func launch(_ process: Process) throws {
    var attempts = 0
    while true {
      do {
        return try process.run()
      } catch let error as NSError {
        let cause = error.userInfo[NSUnderlyingErrorKey] as? NSError
        attempts += 1
        guard cause?.domain == NSPOSIXErrorDomain, cause?.code == Int(ETXTBSY), attempts < 50 else {
          throw error
        }
        usleep(20_000)
      }
    }
  }

  /// Reads a pipe to its end on a Dispatch thread, not on the Swift
  /// concurrency pool, which a blocking read would starve.
  private static func readToEnd(_ handle: FileHandle) async -> Data {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        continuation.resume(returning: handle.readDataToEndOfFile())
      }
    }
  }
}

/// Set once the child has exited, so the timeout never signals a reused pid.
/// `@unchecked Sendable` is safe: the one stored value is read and written
/// only under the lock.
private final class ExitFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  var isSet: Bool { lock.withLock { value } }
  func set() { lock.withLock { value = true } }
}
