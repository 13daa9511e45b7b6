import ArgumentParser
import ConversationGenerator

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `dcq-gen --count N [--seed S] [--format array|page|ndjson] [--output FILE]`
struct GenerateConversations: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dcq-gen",
    abstract: "Write generated Datacrazy conversations as JSON.",
    discussion: """
      The same seed and base give the same bytes on every machine. Records are \
      newest first by lastMessageDate, one compact record per line.
      """)

  @Option(help: "How many conversations to write.")
  var count: Int

  @Option(help: "The seed of the generator.")
  var seed: UInt64 = ConversationGenerator.demoSeed

  @Option(help: "The layout: array, page ({\"count\": N, \"data\": [...]}) or ndjson.")
  var format: ConversationGenerator.Format = .array

  @Option(
    help:
      "The end of the activity, a date YYYY-MM-DD (UTC midnight); last messages fall in the 90 days before it."
  )
  var base: String = "2025-06-30"

  @Option(name: .shortAndLong, help: "Write to FILE instead of standard output.")
  var output: String?

  func validate() throws {
    guard count >= 0 else { throw ValidationError("--count must not be negative.") }
    guard Self.parseDate(base) != nil else { throw ValidationError("--base must be a date YYYY-MM-DD.") }
  }

  func run() throws {
    let generator = ConversationGenerator(seed: seed, base: Self.parseDate(base)!)
    let descriptor: Int32
    if let output {
      descriptor = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      guard descriptor >= 0 else {
        throw OutputError(message: "cannot write \(output): \(String(cString: strerror(errno)))")
      }
    } else {
      descriptor = STDOUT_FILENO
    }
    defer { if output != nil { close(descriptor) } }
    try generator.write(count: count, format: format) { block in
      try Self.writeAll(block, to: descriptor)
    }
  }

  /// `YYYY-MM-DD` as milliseconds since 1970, nil when malformed.
  static func parseDate(_ text: String) -> Int64? {
    let fields = text.split(separator: "-", omittingEmptySubsequences: false)
    guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
      let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]),
      (1...12).contains(month), day >= 1
    else { return nil }
    let isLeapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    guard day <= [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] else {
      return nil
    }
    return ConversationGenerator.milliseconds(year: year, month: month, day: day)
  }

  /// Writes the whole block; a closed pipe (`dcq-gen | head`) ends quietly.
  static func writeAll(_ block: UnsafeRawBufferPointer, to descriptor: Int32) throws {
    var offset = 0
    while offset < block.count {
      let written = write(descriptor, block.baseAddress! + offset, block.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        if errno == EPIPE { throw ExitCode.success }
        throw OutputError(message: "write failed: \(String(cString: strerror(errno)))")
      }
      offset += written
    }
  }
}

struct OutputError: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}

extension ConversationGenerator.Format: ExpressibleByArgument {}

signal(SIGPIPE, SIG_IGN)
GenerateConversations.main()
