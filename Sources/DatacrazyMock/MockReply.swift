/// What the server does with one request.
enum MockReply {
  case answer(MockAnswer)
  /// Close the connection without answering.
  case drop
  /// Send the answer's head with its full `Content-Length`, half its body, then close.
  case truncate(MockAnswer)
}
