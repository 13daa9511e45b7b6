/// One channel of the account (a WhatsApp number, an Instagram profile …),
/// shaped like the reference record's `instance`.
struct InstanceSpec {
  let name: String
  let platform: StaticString
  let provider: StaticString
  let engine: StaticString
  let daysBeforeWindow: Int64
  /// Evolution API instances carry its URL, instance name and token.
  let evolutionName: String?
  let listenGroups: Bool
  let isActive: Bool
  let webhookKind: StaticString
  let status: StaticString
  let errorCode: String?
  let errorMessage: String?
  /// A soft-deleted instance, still named by its old conversations.
  let deletedDaysBeforeEnd: Int64?

  /// In the order `Catalog.instance(for:random:)` picks them.
  static let all = [
    InstanceSpec(
      name: "Instância atendimentos suporte", platform: "WHATSAPP", provider: "WHATSAPP_CLOUD_API",
      engine: "WHATSAPP_CLOUD_API_19", daysBeforeWindow: 355, evolutionName: nil, listenGroups: false,
      isActive: true, webhookKind: "whatsapp-cloud", status: "CONNECTED", errorCode: "429",
      errorMessage: "Não foi possível se conectar com o provedor", deletedDaysBeforeEnd: nil),
    InstanceSpec(
      name: "WhatsApp Comercial", platform: "WHATSAPP", provider: "EVOLUTION_API",
      engine: "EVOLUTION_API_V2", daysBeforeWindow: 210, evolutionName: "Instancia comercial",
      listenGroups: true, isActive: true, webhookKind: "z-api", status: "CONNECTED", errorCode: nil,
      errorMessage: nil, deletedDaysBeforeEnd: nil),
    InstanceSpec(
      name: "Instagram @lojacrazy", platform: "INSTAGRAM", provider: "META",
      engine: "INSTAGRAM_GRAPH_API_19", daysBeforeWindow: 180, evolutionName: nil, listenGroups: false,
      isActive: true, webhookKind: "meta", status: "CONNECTED", errorCode: nil, errorMessage: nil,
      deletedDaysBeforeEnd: nil),
    InstanceSpec(
      name: "Página Facebook", platform: "FACEBOOK", provider: "META", engine: "MESSENGER_API_19",
      daysBeforeWindow: 170, evolutionName: nil, listenGroups: false, isActive: true,
      webhookKind: "meta", status: "DISCONNECTED", errorCode: "401",
      errorMessage: "Token de acesso expirado. Reconecte a instância.", deletedDaysBeforeEnd: nil),
    InstanceSpec(
      name: "Telegram Bot", platform: "TELEGRAM", provider: "TELEGRAM", engine: "TELEGRAM_BOT_API",
      daysBeforeWindow: 120, evolutionName: nil, listenGroups: false, isActive: false,
      webhookKind: "telegram", status: "DISCONNECTED", errorCode: nil, errorMessage: nil,
      deletedDaysBeforeEnd: 12),
    InstanceSpec(
      name: "Chat do site", platform: "WEBCHAT", provider: "DATACRAZY", engine: "WEBCHAT_V1",
      daysBeforeWindow: 95, evolutionName: nil, listenGroups: false, isActive: true,
      webhookKind: "webchat", status: "CONNECTED", errorCode: nil, errorMessage: nil,
      deletedDaysBeforeEnd: nil),
  ]

  func json(id: ObjectID, createdAt: Int64, window: TimeWindow, random: inout SeededRandom) -> [UInt8] {
    var json = ByteWriter(capacity: 1024)
    json.byte(UInt8(ascii: "{"))
    json.firstKey("id")
    json.objectID(id)
    json.key("name")
    json.string(name.jsonEscaped)
    json.key("createdAt")
    json.timestamp(createdAt)
    json.key("updatedAt")
    json.timestamp(createdAt + random.inRange(TimeWindow.hour...40 * TimeWindow.day))
    json.key("platform")
    json.string(platform)
    json.key("provider")
    json.string(provider)
    json.key("engine")
    json.string(engine)
    json.key("config")
    writeConfig(into: &json, random: &random)
    json.key("isActive")
    json.bool(isActive)
    json.key("webhook")
    json.raw("\"/webhooks/")
    json.raw(webhookKind)
    json.byte(UInt8(ascii: "/"))
    json.uuid(UUIDValue(&random), quoted: false)
    json.byte(UInt8(ascii: "/"))
    json.hex(UInt64(id.seconds), nibbles: 8)
    json.hex(id.tail, nibbles: 16)
    json.byte(UInt8(ascii: "\""))
    json.key("status")
    json.string(status)
    json.key("errorCode")
    if let errorCode { json.string(errorCode.jsonEscaped) } else { json.null() }
    json.key("errorMessage")
    if let errorMessage { json.string(errorMessage.jsonEscaped) } else { json.null() }
    json.key("deletedAt")
    json.timestamp(deletedDaysBeforeEnd.map { window.end - $0 * TimeWindow.day + 41_517 })
    json.byte(UInt8(ascii: "}"))
    return json.bytes
  }

  private func writeConfig(into json: inout ByteWriter, random: inout SeededRandom) {
    json.byte(UInt8(ascii: "{"))
    json.firstKey("endAutomationInterval")
    json.integer(15)
    json.key("endTypingInterval")
    json.integer(1)
    json.key("evolutionApiUrl")
    if evolutionName != nil {
      json.raw("\"https://evolution-evolution2.mcmoxg.easypanel.host\"")
    } else {
      json.null()
    }
    json.key("evolutionInstanceId")
    if let evolutionName { json.string(evolutionName.jsonEscaped) } else { json.null() }
    json.key("evolutionInstanceToken")
    if evolutionName != nil {
      // Shaped like the reference token: 12-4-4-12 uppercase hexadecimal.
      json.byte(UInt8(ascii: "\""))
      for (index, width) in [12, 4, 4, 12].enumerated() {
        if index > 0 { json.byte(UInt8(ascii: "-")) }
        json.hex(random.next(), nibbles: width, uppercase: true)
      }
      json.byte(UInt8(ascii: "\""))
    } else {
      json.null()
    }
    json.key("listenGroups")
    json.bool(listenGroups)
    json.key("startAutomationInterval")
    json.integer(3)
    json.key("startTypingInterval")
    json.integer(0)
    json.key("typingInterval")
    json.bool(false)
    json.byte(UInt8(ascii: "}"))
  }
}
