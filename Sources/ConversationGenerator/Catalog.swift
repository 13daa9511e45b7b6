/// What the account owns, shared by all its conversations: the tenant, its
/// instances (channels), departments, attendants, tags, stages, pipelines
/// and campaigns. Small pools, so that grouping by them is meaningful.
/// Made from the seed and the base date alone; instances and departments
/// are rendered to JSON once, since every record repeats them verbatim.
struct Catalog {
  struct Department {
    let id: ObjectID
    let weight: Int
    let json: [UInt8]
  }

  struct Campaign {
    let sourceID: UUIDValue
    let url: [UInt8]
  }

  /// `https://dc-….s3.amazonaws.com/<tenant>/`: images get a UUID after it.
  private let imageURLPrefix: [UInt8]
  let instances: [[UInt8]]
  let departments: [Department]
  /// The departments' shares of conversations, in order.
  let departmentWeights: [Int]
  let attendants: [ObjectID]
  /// Some attendants take far more conversations than others.
  let attendantWeights = [20, 18, 15, 12, 10, 9, 8, 7, 6, 5, 4, 3, 2, 2, 1]
  let tags: [UUIDValue]
  let stages: [UUIDValue]
  let pipelines: [UUIDValue]
  let campaigns: [Campaign]
  /// The per-process bytes of conversation and thread ObjectIds.
  let conversationProcess: UInt64
  let threadProcess: UInt64
  /// Added to contact numbers so each seed numbers its contacts differently.
  let contactNumberOffset: Int64

  init(seed: UInt64, window: TimeWindow) {
    var random = SeededRandom(seed: seed, stream: .catalog, index: 0)
    let tenant = UUIDValue(&random)
    var prefix = ByteWriter(capacity: 128)
    prefix.raw("https://dc-")
    for _ in 0..<10 {
      prefix.byte(Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)[random.below(36)])
    }
    prefix.raw(".s3.amazonaws.com/")
    prefix.uuid(tenant, quoted: false)
    prefix.byte(UInt8(ascii: "/"))
    imageURLPrefix = prefix.bytes

    conversationProcess = random.next()
    threadProcess = random.next()
    contactNumberOffset = random.inRange(0...99_999_999)

    func id(daysBeforeWindow days: Int64, serial: Int) -> (ObjectID, Int64) {
      let made = window.start - days * TimeWindow.day + random.inRange(0...TimeWindow.day - 1)
      return (ObjectID(milliseconds: made, process: random.next(), serial: serial), made)
    }

    instances = InstanceSpec.all.enumerated().map { serial, spec in
      let (instanceID, made) = id(daysBeforeWindow: spec.daysBeforeWindow, serial: serial)
      return spec.json(id: instanceID, createdAt: made, window: window, random: &random)
    }

    departments = Vocabulary.departments.enumerated().map { serial, department in
      let (departmentID, made) = id(daysBeforeWindow: 30 + Int64(serial), serial: serial)
      var json = ByteWriter(capacity: 256)
      json.byte(UInt8(ascii: "{"))
      json.firstKey("id")
      json.objectID(departmentID)
      json.key("tenantId")
      json.uuid(tenant)
      json.key("createdAt")
      json.timestamp(made)
      json.key("name")
      json.string(department.name.jsonEscaped)
      json.key("color")
      json.string(department.color.jsonEscaped)
      json.key("main")
      json.bool(serial == 0)
      json.key("updatedAt")
      json.timestamp(made + random.inRange(5...90))
      json.byte(UInt8(ascii: "}"))
      return Department(id: departmentID, weight: department.weight, json: json.bytes)
    }

    departmentWeights = departments.map(\.weight)
    attendants = (0..<15).map { serial in id(daysBeforeWindow: 60 + 20 * Int64(serial), serial: serial).0 }
    tags = (0..<24).map { _ in UUIDValue(&random) }
    stages = (0..<12).map { _ in UUIDValue(&random) }
    pipelines = (0..<4).map { _ in UUIDValue(&random) }
    campaigns = Vocabulary.campaignURLs.map { Campaign(sourceID: UUIDValue(&random), url: $0.json) }
  }

  /// A new image's address: `"https://dc-….s3.amazonaws.com/<tenant>/<uuid>"`.
  func writeImageURL(into writer: inout ByteWriter, random: inout SeededRandom) {
    writer.byte(UInt8(ascii: "\""))
    writer.raw(imageURLPrefix)
    writer.uuid(UUIDValue(&random), quoted: false)
    writer.byte(UInt8(ascii: "\""))
  }

  /// The instance a conversation of `platform` comes through: two WhatsApp
  /// numbers, then one instance per other platform (web chat and e-mail share one).
  static func instance(for platform: Platform, random: inout SeededRandom) -> Int {
    switch platform {
    case .whatsapp: random.chance(650) ? 0 : 1
    case .instagram: 2
    case .facebook: 3
    case .telegram: 4
    case .webchat, .email: 5
    }
  }
}
