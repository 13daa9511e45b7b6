import Foundation
import Testing

/// Every script in `examples/` runs against `dcq --demo` and prints what
/// `examples/expected/NAME.csv` holds (the demo's data are the same on every
/// machine, and `DCQ_NOW` fixes the clock). `expected/parameters.txt` gives
/// each script's `-p` options.
@Suite struct ExamplesTests {
  static let examples = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("examples", isDirectory: true)

  static let runs: [(name: String, parameters: [String])] = {
    let text =
      (try? String(contentsOf: examples.appendingPathComponent("expected/parameters.txt"), encoding: .utf8))
      ?? ""
    return text.split(separator: "\n").map { line in
      let parts = line.split(separator: "|", maxSplits: 1)
      let parameters = parts.count > 1 ? parts[1].split(separator: " ").map(String.init) : []
      return (String(parts[0]), parameters)
    }
  }()

  @Test func everyExampleHasExpectedOutput() throws {
    let scripts = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path)
      .filter { $0.hasSuffix(".dcq") }.map { String($0.dropLast(4)) }
    #expect(scripts.count >= 6)
    #expect(Set(scripts) == Set(Self.runs.map(\.name)))
  }

  @Test(arguments: runs.map(\.name))
  func example(_ name: String) async throws {
    let products = try #require(Products.directory, "no dcq beside the test bundle")
    let parameters = Self.runs.first { $0.name == name }?.parameters ?? []
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent(
      "dcq-example-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: cache) }
    let process = Process()
    process.executableURL = products.appendingPathComponent("dcq")
    process.arguments =
      ["--demo", "--csv", "-f", Self.examples.appendingPathComponent("\(name).dcq").path] + parameters
    process.environment = [
      "PATH": "/usr/bin:/bin", "HOME": cache.path, "DCQ_CACHE_DIR": cache.path, "NO_COLOR": "1",
      "DCQ_NOW": "2025-06-30T12:00:00Z",
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Wait on a thread of its own, not on the threads other async tests share.
    let (data, status) = try await offThePool {
      let data = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (data, process.terminationStatus)
    }
    #expect(status == 0)
    let expected = try String(
      contentsOf: Self.examples.appendingPathComponent("expected/\(name).csv"), encoding: .utf8)
    #expect(String(decoding: data, as: UTF8.self) == expected)
  }
}
