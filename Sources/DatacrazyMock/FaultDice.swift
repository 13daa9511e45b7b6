/// Seeded dice that pick each request's fault, so a test's faults repeat:
/// one roll per admitted request, split by the configured shares.
struct FaultDice {
  enum Fault: Equatable {
    case serverError
    case tooManyRequests
    case droppedConnection
    case truncatedBody
  }

  private let faults: DatacrazyMockServer.Faults
  /// SplitMix64's state.
  private var state: UInt64

  init(faults: DatacrazyMockServer.Faults, seed: UInt64) {
    self.faults = faults
    state = seed
  }

  /// The fault for the next request, nil for a proper answer.
  mutating func roll() -> Fault? {
    let roll = nextUniform()
    var bound = 0.0
    for (share, fault) in [
      (faults.serverErrors, Fault.serverError), (faults.tooManyRequests, .tooManyRequests),
      (faults.droppedConnections, .droppedConnection), (faults.truncatedBodies, .truncatedBody),
    ] {
      bound += max(0, share)
      if roll < bound { return fault }
    }
    return nil
  }

  /// A uniform number in 0..<1 from SplitMix64.
  private mutating func nextUniform() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    mixed ^= mixed >> 31
    return Double(mixed >> 11) * 0x1p-53
  }
}
