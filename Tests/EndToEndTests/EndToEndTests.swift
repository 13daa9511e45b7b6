import Foundation
import Testing

/// Runs every case of `Cases/cases.txt` against the built `dcq`.
@Suite struct EndToEndTests {
  @Test func caseFileReadsCleanly() {
    let file = CaseFile.shared
    #expect(file.problems.isEmpty, "\(file.problems.joined(separator: "\n"))")
    #expect(file.cases.count >= 170)
    let names = file.cases.map(\.name)
    let repeated = Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys
    #expect(repeated.isEmpty, "case names used twice: \(repeated.sorted())")
  }

  @Test(arguments: CaseFile.shared.cases)
  func endToEnd(_ testCase: Case) async throws {
    let products = try #require(Products.directory, "no dcq beside the test bundle")
    let directory = try Workspace.make(for: testCase)
    defer { try? FileManager.default.removeItem(at: directory) }

    let local = directory.appendingPathComponent(testCase.command)
    let executable =
      FileManager.default.isExecutableFile(atPath: local.path)
      ? local : products.appendingPathComponent(testCase.command)
    let child = ChildProcess(
      executable: executable,
      arguments: testCase.arguments,
      environment: Workspace.environment(for: testCase, products: products, home: directory),
      directory: directory,
      stdin: testCase.stdin)
    let outcome = try await child.run()

    let location = Comment(rawValue: testCase.location)
    #expect(!outcome.timedOut, "\(location): timed out after 20 s")
    if outcome.signalled && !outcome.timedOut {
      Issue.record("\(location): killed by signal \(outcome.status)\nstderr: \(outcome.stderr)")
    }
    #expect(
      outcome.status == testCase.exitStatus,
      "\(location): exit status\nstderr: \(outcome.stderr)")
    for check in testCase.effectiveChecks {
      let actual = check.stream == .stdout ? outcome.stdout : outcome.stderr
      if let failure = check.failure(in: actual) {
        Issue.record(
          """
          \(location): \(failure)
          --- expected (\(check.mode))
          \(check.text)--- actual
          \(actual)
          """)
      }
    }
  }
}

/// Where `swift build` put the executables: the folder holding the test
/// bundle and its resources.
enum Products {
  static let directory: URL? = {
    var candidates: [URL] = []
    if let override = ProcessInfo.processInfo.environment["DCQ_E2E_PRODUCTS"] {
      candidates.append(URL(fileURLWithPath: override))
    }
    for path in [
      Bundle.module.bundlePath, Bundle.main.bundlePath, CommandLine.arguments.first ?? "",
    ] where !path.isEmpty {
      var url = URL(fileURLWithPath: path)
      // Up from `dcq_EndToEndTests.resources`, `dcqPackageTests.xctest` or
      // the bundle's `Contents/MacOS/...` to the folder that holds it.
      for _ in 0..<4 {
        url.deleteLastPathComponent()
        candidates.append(url)
      }
    }
    return candidates.first { url in
      FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("dcq").path)
    }
  }()
}

/// The working directory of one case, and the environment it runs in.
enum Workspace {
  static let defaultNow = "2025-06-30T12:00:00Z"

  /// A fresh folder holding links to every input file and the case's own files.
  static func make(for testCase: Case) throws -> URL {
    let manager = FileManager.default
    let directory = manager.temporaryDirectory.appendingPathComponent(
      "dcq-e2e-\(UUID().uuidString)")
    try manager.createDirectory(at: directory, withIntermediateDirectories: true)
    if let inputs = CaseFile.directory?.appendingPathComponent("inputs"),
      let names = try? manager.contentsOfDirectory(atPath: inputs.path)
    {
      for name in names {
        try manager.createSymbolicLink(
          at: directory.appendingPathComponent(name),
          withDestinationURL: inputs.appendingPathComponent(name))
      }
    }
    for file in testCase.files {
      let url = directory.appendingPathComponent(file.name)
      try? manager.removeItem(at: url)
      try Data(file.text.utf8).write(to: url)
      if file.executable {
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
      }
    }
    return directory
  }

  /// The runner's environment without dcq's variables, with no colour, a
  /// fixed `now()`, and cache and history inside the case's folder.
  static func environment(for testCase: Case, products: URL, home: URL) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { name, _ in
      !name.hasPrefix("DCQ_") && !name.hasPrefix("DATACRAZY_") && !name.hasPrefix("XDG_")
        && name != "TZ" && name != "PAGER"
    }
    environment["NO_COLOR"] = "1"
    environment["DCQ_NOW"] = defaultNow
    environment["DCQ_CACHE_DIR"] = home.appendingPathComponent(".cache/dcq").path
    environment["DCQ_HISTORY"] = home.appendingPathComponent(".history").path
    environment["XDG_CACHE_HOME"] = home.appendingPathComponent(".cache").path
    environment["XDG_STATE_HOME"] = home.appendingPathComponent(".state").path
    environment["HOME"] = home.path
    environment["PATH"] = products.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment.merge(testCase.environment) { _, new in new }
    for name in testCase.unset { environment[name] = nil }
    return environment
  }
}
