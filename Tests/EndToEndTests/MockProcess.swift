import Foundation

/// datacrazy-mock in a process of its own, with the port it listens on.
final class MockProcess {
  let process = Process()
  let port: Int

  init(folder: URL, _ arguments: [String]) throws {
    guard let products = Products.directory else { throw Failure(description: "no datacrazy-mock") }
    let log = folder.appendingPathComponent("mock-\(UUID().uuidString).out")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    process.executableURL = products.appendingPathComponent("datacrazy-mock")
    process.arguments = arguments
    process.standardOutput = try FileHandle(forWritingTo: log)
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline {
      let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      if let range = text.range(of: "listening on http://127.0.0.1:"),
        let port = Int(text[range.upperBound...].prefix { $0.isNumber })
      {
        self.port = port
        return
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
    process.terminate()
    throw Failure(description: "datacrazy-mock did not start")
  }

  func stop() {
    guard process.isRunning else { return }
    process.terminate()
    process.waitUntilExit()
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }
}
