/// Writes realistic Datacrazy conversations (placeholder; the generator helper fills this in).
public struct ConversationGenerator {}
