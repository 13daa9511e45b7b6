/// The messaging platform of a contact and of the instance it writes to.
enum Platform: Int, CaseIterable {
  case whatsapp, instagram, facebook, telegram, webchat, email

  var name: StaticString {
    switch self {
    case .whatsapp: "WHATSAPP"
    case .instagram: "INSTAGRAM"
    case .facebook: "FACEBOOK"
    case .telegram: "TELEGRAM"
    case .webchat: "WEBCHAT"
    case .email: "EMAIL"
    }
  }

  /// Shares of contacts, per thousand, in case order.
  static let perMille = [740, 130, 60, 40, 20, 10]

  /// The `contactId` the platform gives a person: a phone number for
  /// WhatsApp and Telegram, a scoped numeric id elsewhere; always digits.
  func writeContactID(into writer: inout ByteWriter, areaCode: Int64, random: inout SeededRandom) {
    writer.byte(UInt8(ascii: "\""))
    switch self {
    case .whatsapp, .telegram:
      writer.raw("55")
      writer.digits(areaCode, width: 2)
      writer.byte(UInt8(ascii: "9"))
      writer.digits(random.inRange(80_000_000...99_999_999), width: 8)
    case .instagram:
      writer.raw("178414")
      writer.digits(random.inRange(0...99_999_999_999), width: 11)
    case .facebook:
      writer.digits(random.inRange(2_000_000_000_000_000...9_999_999_999_999_999), width: 16)
    case .webchat, .email:
      writer.digits(random.inRange(100_000_000_000...999_999_999_999), width: 12)
    }
    writer.byte(UInt8(ascii: "\""))
  }
}
