import DatacrazyMock
import Foundation
import Testing

@Suite struct LifecycleTests {
  static let records = [Array(#"{"id":"1"}"#.utf8)]

  @Test func baseURLNamesThePortAndStopClosesTheListener() async throws {
    let server = DatacrazyMockServer(configuration: .init(records: Self.records))
    let port = try await server.start()
    #expect(port > 0)
    #expect(await server.baseURL.absoluteString == "http://127.0.0.1:\(port)")
    #expect(try await server.start() == port)
    let client = await MockClient(base: server.baseURL)
    #expect(try await client.get().status == 200)
    await server.stop()
    await #expect(throws: (any Error).self) { try await client.get() }
    #expect(await server.statistics.requests == 1)
  }

  @Test func aPortInUseIsAnError() async throws {
    let first = DatacrazyMockServer(configuration: .init(records: Self.records))
    let port = try await first.start()
    let second = DatacrazyMockServer(configuration: .init(records: Self.records))
    await #expect(throws: (any Error).self) { try await second.start(port: port) }
    await first.stop()
  }

  @Test func anotherLoopbackAddressHasPortsOfItsOwn() async throws {
    let first = DatacrazyMockServer(configuration: .init(records: Self.records))
    let port = try await first.start()
    var elsewhere = DatacrazyMockServer.Configuration(records: Self.records)
    elsewhere.host = "127.0.0.2"
    let second = DatacrazyMockServer(configuration: elsewhere)
    #expect(try await second.start(port: port) == port)
    #expect(await second.baseURL.absoluteString == "http://127.0.0.2:\(port)")
    #expect(try await MockClient(base: second.baseURL).get().status == 200)
    #expect(await first.statistics.requests == 0)
    await first.stop()
    await second.stop()
  }

  @Test(arguments: ["10.0.0.1", "0.0.0.0", "127.0.0", "127.0.0.256", "127.0.0.01", "localhost"])
  func onlyLoopbackAddressesAreServed(host: String) async throws {
    var configuration = DatacrazyMockServer.Configuration(records: Self.records)
    configuration.host = host
    let server = DatacrazyMockServer(configuration: configuration)
    await #expect(throws: (any Error).self) { try await server.start() }
  }

  @Test func stopIsQuickEvenWithAnIdleKeepAliveConnection() async throws {
    let server = DatacrazyMockServer(configuration: .init(records: Self.records))
    _ = try await server.start()
    let client = await MockClient(base: server.baseURL)
    _ = try await client.get()
    let started = ContinuousClock.now
    await server.stop()
    // An idle keep-alive connection must not hold stop() for its timeout (60 s);
    // the bound is loose because a loaded test machine resumes tasks late.
    #expect(ContinuousClock.now - started < .seconds(15))
  }
}
