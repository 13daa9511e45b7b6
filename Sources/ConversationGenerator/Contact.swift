/// A person (or a WhatsApp group) who writes to the account. Everything
/// about a contact follows from its number, so all the conversations of one
/// contact show the same contact object, as the API's do.
struct Contact {
  let number: Int
  let createdAt: Int64
  let updatedAt: Int64
  let platform: Platform
  let isGroup: Bool
  private let areaCode: Int64
  private let firstName: Word
  private let surnames: [Word]
  private let emoji: Word?
  /// Spelled with combining accents (`e` + U+0301), as some phones send them.
  private let decomposed: Bool
  /// The rest of the contact is drawn from here while writing, always from
  /// the same state.
  private let random: SeededRandom

  init(number: Int, seed: UInt64, window: TimeWindow) {
    var random = SeededRandom(seed: seed, stream: .contact, index: number)
    createdAt = Self.drawCreatedAt(window: window, random: &random)
    updatedAt = random.inRange(createdAt...window.end - 1)
    platform = Platform(rawValue: random.weighted(Platform.perMille))!
    isGroup = platform == .whatsapp && random.chance(40)
    areaCode = Vocabulary.areaCodes[random.weighted(Vocabulary.areaCodeWeights)]
    if isGroup {
      firstName = random.element(of: Vocabulary.groupNames)
      surnames = []
    } else {
      firstName = random.element(of: Vocabulary.firstNames)
      let surnameCount = [0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2][random.below(12)]
      surnames = (0..<surnameCount).map { _ in random.element(of: Vocabulary.surnames) }
    }
    emoji = random.chance(platform == .instagram ? 80 : 10) ? random.element(of: Vocabulary.emoji) : nil
    decomposed = random.chance(25)
    self.number = number
    self.random = random
  }

  /// The `createdAt` of contact `number`, without drawing the rest of it.
  static func createdAt(number: Int, seed: UInt64, window: TimeWindow) -> Int64 {
    var random = SeededRandom(seed: seed, stream: .contact, index: number)
    return drawCreatedAt(window: window, random: &random)
  }

  /// Half the contacts are older than the window; the rest arrive during it.
  private static func drawCreatedAt(window: TimeWindow, random: inout SeededRandom) -> Int64 {
    if random.chance(550) {
      return window.start - random.inRange(TimeWindow.day...700 * TimeWindow.day)
    }
    return window.start + random.inRange(0...(window.end - window.start) * 9 / 10)
  }

  func writeName(into writer: inout ByteWriter) {
    writer.raw(decomposed ? firstName.decomposed : firstName.json)
    for surname in surnames {
      writer.byte(UInt8(ascii: " "))
      writer.raw(decomposed ? surname.decomposed : surname.json)
    }
    if let emoji {
      writer.byte(UInt8(ascii: " "))
      writer.raw(emoji.json)
    }
  }

  func write(into writer: inout ByteWriter, catalog: Catalog) {
    var random = self.random
    writer.byte(UInt8(ascii: "{"))
    writer.firstKey("id")
    writer.raw("\"55")
    writer.digits(areaCode, width: 2)
    // A multiplier prime to 10 makes this a bijection on 8 digits: the ids
    // of the first 10^8 contacts are unique.
    writer.digits((Int64(number) &* 7_654_321 &+ catalog.contactNumberOffset) % 100_000_000, width: 8)
    writer.byte(UInt8(ascii: "\""))
    writer.key("createdAt")
    writer.timestamp(createdAt)
    writer.key("updatedAt")
    writer.timestamp(updatedAt)
    writer.key("name")
    writer.byte(UInt8(ascii: "\""))
    writeName(into: &writer)
    writer.byte(UInt8(ascii: "\""))
    switch random.below(100) {
    case 0..<45:
      writer.key("imageURL")
      catalog.writeImageURL(into: &writer, random: &random)
    case 45..<85:
      writer.key("imageURL")
      writer.null()
    default: break
    }
    writer.key("contactId")
    if isGroup {
      writer.raw("\"120363")
      writer.digits(random.inRange(0...999_999_999_999), width: 12)
      writer.byte(UInt8(ascii: "\""))
    } else {
      platform.writeContactID(into: &writer, areaCode: areaCode, random: &random)
    }
    writer.key("platform")
    writer.string(platform.name)
    writer.key("externalId")
    writer.uuid(UUIDValue(&random))
    if !isGroup && random.chance(850) {
      writer.key("accountName")
      writeAccountName(into: &writer, random: &random)
    }
    writer.key("pending")
    writer.bool(random.chance(200))
    if random.chance(950) {
      writer.key("externalInfo")
      writeExternalInfo(into: &writer, catalog: catalog, random: &random)
    }
    if !isGroup && random.chance(80) {
      // Not in the reference record: a field the API may add.
      writer.key("email")
      writer.byte(UInt8(ascii: "\""))
      writeHandle(separator: UInt8(ascii: "."), into: &writer, random: &random)
      writer.byte(UInt8(ascii: "@"))
      writer.raw(random.element(of: Vocabulary.emailDomains).json)
      writer.byte(UInt8(ascii: "\""))
    }
    writer.byte(UInt8(ascii: "}"))
  }

  /// `@AngelicaSchramm` on most platforms, `@angelica.schramm27` on Instagram.
  private func writeAccountName(into writer: inout ByteWriter, random: inout SeededRandom) {
    writer.raw("\"@")
    if platform == .instagram {
      writeHandle(
        separator: random.chance(500) ? UInt8(ascii: ".") : UInt8(ascii: "_"), into: &writer, random: &random)
    } else {
      writer.raw(firstName.ascii)
      if let surname = surnames.first { writer.raw(surname.ascii) }
    }
    writer.byte(UInt8(ascii: "\""))
  }

  /// `angelica.schramm`, lowercase ASCII, sometimes with two digits after.
  private func writeHandle(separator: UInt8, into writer: inout ByteWriter, random: inout SeededRandom) {
    writer.raw(firstName.handle)
    if let surname = surnames.last {
      writer.byte(separator)
      writer.raw(surname.handle)
    }
    if random.chance(400) { writer.digits(random.inRange(0...99), width: 2) }
  }

  /// `{"tagIds": "id,id", "stageIds": "", "pipelineIds": "id"}`.
  private func writeExternalInfo(into writer: inout ByteWriter, catalog: Catalog, random: inout SeededRandom)
  {
    func idList(_ ids: [UUIDValue], counts: [Int], stride: Int) {
      let count = counts[random.below(counts.count)]
      let start = random.below(ids.count)
      writer.byte(UInt8(ascii: "\""))
      for index in 0..<count {
        if index > 0 { writer.byte(UInt8(ascii: ",")) }
        // A stride prime to the pool's size keeps the ids of a list distinct.
        writer.uuid(ids[(start + index * stride) % ids.count], quoted: false)
      }
      writer.byte(UInt8(ascii: "\""))
    }
    writer.byte(UInt8(ascii: "{"))
    writer.firstKey("tagIds")
    idList(catalog.tags, counts: [0, 0, 0, 1, 1, 1, 1, 2, 3], stride: 7)
    writer.key("stageIds")
    idList(catalog.stages, counts: [0, 0, 1, 1, 1, 1, 2], stride: 5)
    writer.key("pipelineIds")
    idList(catalog.pipelines, counts: [0, 1, 1, 1, 1, 2], stride: 1)
    writer.byte(UInt8(ascii: "}"))
  }
}
