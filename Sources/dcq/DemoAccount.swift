import ConversationGenerator
import DatacrazyMock

/// The built-in demo account of `--demo`: the same generated conversations on every machine.
enum DemoAccount {
  static let token = "demo"
  static let conversations = 3000

  static func server() -> DatacrazyMockServer {
    let records = ConversationGenerator(seed: ConversationGenerator.demoSeed).records(count: conversations)
    var configuration = DatacrazyMockServer.Configuration(records: records, token: token)
    configuration.maximumTake = 100
    return DatacrazyMockServer(configuration: configuration)
  }
}
