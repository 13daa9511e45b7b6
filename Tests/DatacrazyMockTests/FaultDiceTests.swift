import Testing

@testable import DatacrazyMock

@Suite struct FaultDiceTests {
  func rolls(_ faults: DatacrazyMockServer.Faults, seed: UInt64, count: Int = 10_000) -> [FaultDice.Fault?] {
    var dice = FaultDice(faults: faults, seed: seed)
    return (0..<count).map { _ in dice.roll() }
  }

  @Test func sharesAreKeptAndTheSameSeedRepeats() {
    var faults = DatacrazyMockServer.Faults()
    faults.serverErrors = 0.1
    faults.tooManyRequests = 0.2
    faults.droppedConnections = 0.05
    faults.truncatedBodies = 0.15
    let first = rolls(faults, seed: 7)
    #expect(first == rolls(faults, seed: 7))
    #expect(first != rolls(faults, seed: 8))
    func share(_ fault: FaultDice.Fault?) -> Double {
      Double(first.filter { $0 == fault }.count) / Double(first.count)
    }
    #expect(abs(share(.serverError) - 0.1) < 0.015)
    #expect(abs(share(.tooManyRequests) - 0.2) < 0.015)
    #expect(abs(share(.droppedConnection) - 0.05) < 0.015)
    #expect(abs(share(.truncatedBody) - 0.15) < 0.015)
    #expect(abs(share(nil) - 0.5) < 0.015)
  }

  @Test func noFaultsNeverRollOne() {
    #expect(rolls(.init(), seed: 1).allSatisfy { $0 == nil })
  }

  @Test func aShareOfOneAlwaysRollsIt() {
    var faults = DatacrazyMockServer.Faults()
    faults.droppedConnections = 1
    #expect(rolls(faults, seed: 3).allSatisfy { $0 == .droppedConnection })
  }
}
