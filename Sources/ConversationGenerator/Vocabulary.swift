/// The fixed texts the data are made of: Brazilian names, department names,
/// and the notes attendants type into a conversation's description.
enum Vocabulary {
  static let firstNames: [Word] = [
    "João", "José", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos",
    "Gabriel", "Rafael", "Daniel", "Marcelo", "Bruno", "Eduardo", "Felipe", "Rodrigo", "Sérgio",
    "Fábio", "Márcio", "Vinícius", "Otávio", "Caio", "Thiago", "Mateus", "Patrick", "Gustavo",
    "Henrique", "Jéferson", "Cauã", "Davi", "Heitor", "Ícaro", "Ângelo", "René", "Raí",
    "Maria", "Ana", "Conceição", "Ângela", "Francisca", "Antônia", "Adriana", "Juliana", "Márcia",
    "Fernanda", "Patrícia", "Aline", "Sandra", "Camila", "Amanda", "Bruna", "Jéssica", "Letícia",
    "Júlia", "Luíza", "Mônica", "Cláudia", "Débora", "Vitória", "Heloísa", "Lúcia", "Inês",
    "Angelica", "Larissa", "Beatriz", "Gabriela", "Tânia", "Rosângela", "Cecília", "Érica",
    "Natália", "Sônia", "Glória", "Zoé", "Maria Eduarda", "Ana Clara", "João Pedro",
  ].map(Word.init)

  static let surnames: [Word] = [
    "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima",
    "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes",
    "Vieira", "Barbosa", "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques",
    "Machado", "Mendes", "Freitas", "Cardoso", "Ramos", "Gonçalves", "Araújo", "Brandão",
    "Conceição", "Falcão", "Magalhães", "Simões", "Guimarães", "Assunção", "Müller", "Schramm",
    "Schmitt", "Wagner", "Becker", "Köhler", "Krüger", "Schütz", "Hoffmann", "D'Ávila",
    "Sant'Anna", "Muñoz", "da Silva", "dos Santos", "de Souza",
  ].map(Word.init)

  /// Names of WhatsApp groups (a conversation with `isGroup` true).
  static let groupNames: [Word] = [
    "Clientes VIP", "Revendedores SC", "Obra Jardim América", "Família Müller 🏡",
    "Compras Coletivas Joinville", "Suporte Parceiros", "Turma Black Friday 🔥",
    "Condomínio Ipê Amarelo", "Equipe de Instalação", "Pedidos Atacado",
  ].map(Word.init)

  /// Businesses a conversation may be named after instead of the contact.
  static let companyNames: [Word] = [
    "Padaria Pão Quente", "Auto Peças São José", "Clínica Sorriso", "Mercado Bom Preço",
    "Construtora Alicerce", "Ótica Visão", "Pet Shop Amigo Fiel", "Farmácia Saúde & Vida",
    "Escola Criança Feliz", "Loja \"Tudo Barato\"", "Açougue União", "Café Açaí, Sucos e Cia",
  ].map(Word.init)

  static let emoji: [Word] = ["😀", "🙏", "👍", "🚚", "💰", "🌸", "✅", "😍", "🔥", "👨‍👩‍👧"].map(Word.init)

  /// The account's departments: name, colour, share of conversations.
  static let departments: [(name: String, color: String, weight: Int)] = [
    ("Atendimento", "#1E88E5", 25), ("Comercial", "#43A047", 22),
    ("Suporte Técnico", "#FB8C00", 15), ("Pós-vendas", "#FF2200", 10),
    ("Financeiro", "#8E24AA", 8), ("Cobrança", "#E53935", 8),
    ("Logística", "#00ACC1", 7), ("Marketing", "#6D4C41", 5),
  ]

  static let priorities: [Word] = ["alta", "média", "baixa", "urgente"].map(Word.init)

  static let labels: [Word] = [
    "vip", "recorrente", "inadimplente", "novo cliente", "b2b", "atacado", "black-friday",
  ].map(Word.init)

  static let emailDomains: [Word] = [
    "gmail.com", "hotmail.com", "outlook.com", "yahoo.com.br", "uol.com.br", "bol.com.br",
    "terra.com.br",
  ].map(Word.init)

  /// Brazilian area codes (DDD) of phone numbers, mostly Santa Catarina's.
  static let areaCodes: [Int64] = [47, 48, 11, 41, 21, 51, 31, 61, 71, 81, 85]
  static let areaCodeWeights = [30, 15, 15, 8, 8, 6, 6, 3, 3, 3, 3]

  /// Campaign landing pages of `sourceReferral.sourceUrl`.
  static let campaignURLs: [Word] = [
    "https://example.com/artigo-de-origem", "https://fb.me/2kQz8Lm1x",
    "https://www.instagram.com/p/C8xQ2mNs1Ab/",
    "https://www.facebook.com/ads/library/?id=1029384756",
    "https://lp.exemplo.com.br/inverno-2025?utm_source=meta&utm_campaign=inverno",
    "https://wa.me/message/QZ7R4LJ2CDXKA1",
  ].map(Word.init)
}
