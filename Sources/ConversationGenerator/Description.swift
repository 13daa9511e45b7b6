/// The notes attendants write in a conversation's `description`: one to a
/// few sentences, sometimes a pasted block of several lines. About one
/// sentence in six carries a quirk that breaks naive parsers: quotes, tabs,
/// newlines (also CRLF), backslashes, `},{` inside the text, emoji, or a
/// decomposed accent.
enum Description {
  /// A sentence whose every `§` is replaced by a random number.
  struct Sentence {
    /// The JSON-escaped text between the numbers.
    let parts: [[UInt8]]

    init(_ text: String) {
      parts = text.split(separator: "§", omittingEmptySubsequences: false).map {
        String($0).jsonEscaped
      }
    }
  }

  static let plain: [Sentence] = [
    "Cliente solicitou contato para o mês de novembro", "Pediu orçamento de § unidades",
    "Aguardando comprovante de pagamento", "Reclamou do atraso na entrega do pedido #§",
    "Quer trocar o tamanho do produto", "Lead veio da campanha de inverno",
    "Dúvida sobre boleto vencido", "Pediu 2ª via da nota fiscal",
    "Negociação em 3x sem juros aprovada pelo gerente", "Solicitou cancelamento do contrato",
    "Confirmou a instalação para amanhã às 14h", "Enviado link de rastreio",
    "Cliente não respondeu após o envio da proposta", "Pagamento via Pix confirmado",
    "Retornar ligação no período da tarde", "Interessado no plano anual",
    "Endereço de entrega atualizado", "Produto chegou com avaria, abrir chamado",
    "Pediu para falar com o setor financeiro", "Primeiro contato pelo site",
    "Cliente recorrente, tratar com prioridade", "Aguardando retorno do fornecedor",
    "Agendou visita técnica", "Solicitou catálogo atualizado", "Conversa transferida do Comercial",
    "Já é cliente desde 2019", "Pedido nº § faturado", "Prefere atendimento por áudio",
    "Horário de atendimento: seg. a sex., 8h às 18h", "Itens: camiseta, bermuda, boné",
    "Valor total R$ §,90", "Ticket aberto no suporte: §",
  ].map(Sentence.init)

  static let quirky: [Sentence] = [
    "Cliente disse: \"quero falar com um humano\"", "Produto \"Kit Premium\" fora de estoque",
    "Respondeu apenas \"ok\"", "Pedido\t#§\tR$ 150,00", "SKU\tQtd\tValor",
    "Resumo:\n- pagamento ok\n- entrega pendente", "Obs.: ligar antes\nPortão azul",
    "Copiado do e-mail:\r\nPrezados, segue o pedido.",
    "Payload do formulário: [{\"campo\":\"nome\"},{\"campo\":\"telefone\"}]",
    "Variáveis usadas: {nome}, {pedido}", "Erro da integração: {\"code\":429}, {\"retry\":true}",
    "Arquivo em C:\\pedidos\\2025\\junho.pdf", "Cliente muito satisfeito 😀",
    "Obrigado pelo atendimento 🙏", "Entrega realizada 🚚✅", "Amei!!! 😍😍",
    "Du\u{301}vida sobre a fatura de ju\u{301}nho",
  ].map(Sentence.init)

  /// Longer blocks pasted from forms and chats.
  static let notes: [Sentence] = [
    """
    Dados do pedido:
    Endereço: Rua das Palmeiras, § - Centro, Joinville/SC
    Forma de pagamento: cartão de crédito, 3x
    Obs.: entregar em horário comercial, portão lateral
    """,
    """
    [09:12]\tCliente: bom dia, meu pedido não chegou
    [09:20]\tAtendente: vou verificar com a transportadora
    [09:41]\tCliente: ok, aguardo retorno
    """,
    """
    Checklist da visita técnica:
    \t1. Medir o ambiente
    \t2. Conferir a voltagem (110V/220V)
    \t3. Tirar fotos do local
    Protocolo §
    """,
    """
    Proposta enviada por e-mail em anexo ("Proposta_§.pdf"). Condições: 10% de entrada, \
    saldo em 5 parcelas; validade de 7 dias. Cliente pediu para incluir frete e instalação, \
    e comparar com o orçamento da concorrência antes de fechar.
    """,
  ].map(Sentence.init)

  /// Writes a description value: text most of the time, else `""` or null.
  static func write(into writer: inout ByteWriter, random: inout SeededRandom) {
    switch random.below(100) {
    case 0..<4:
      writer.null()
      return
    case 4..<9:
      writer.raw("\"\"")
      return
    default: break
    }
    writer.byte(UInt8(ascii: "\""))
    if random.chance(80) {
      write(random.element(of: notes), into: &writer, random: &random)
    } else {
      let count = [1, 1, 1, 2, 2, 3, 4][random.below(7)]
      for index in 0..<count {
        if index > 0 { writer.raw(random.chance(800) ? ". " : "\\n") }
        let sentence = random.chance(160) ? random.element(of: quirky) : random.element(of: plain)
        write(sentence, into: &writer, random: &random)
      }
    }
    writer.byte(UInt8(ascii: "\""))
  }

  private static func write(_ sentence: Sentence, into writer: inout ByteWriter, random: inout SeededRandom) {
    for (index, part) in sentence.parts.enumerated() {
      if index > 0 { writer.integer(Int64(random.below(9000) + 1000)) }
      writer.raw(part)
    }
  }
}
