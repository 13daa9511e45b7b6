#!/usr/bin/env python3
"""Writes N conversations shaped like the API's reference record, as a JSON
array (default), an API page (--page), NDJSON (--ndjson), or an indented
array (--indent). For the scan benchmark: python3 generate.py 100000 > big.json"""
import json
import random
import sys

FIRST = ["Ana", "João", "Patrick", "Angelica", "Márcia", "Zé", "Luís", "Bruna", "Çelik", "Renée"]
LAST = ["Almeida", "Schramm", "Souza", "Conceição", "Lima", "Gonçalves", "Østergaard"]
PLATFORMS = ["WHATSAPP", "INSTAGRAM", "FACEBOOK", "TELEGRAM", "EMAIL"]
DEPARTMENTS = ["Pós-vendas", "Comercial", "Suporte técnico", "Financeiro"]


def hexid(rng, n=24):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid(rng):
    h = hexid(rng, 32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def stamp(rng):
    return "2025-%02d-%02dT%02d:%02d:%02d.%03dZ" % (
        rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59),
        rng.randint(0, 59), rng.randint(0, 999))


def conversation(rng, index):
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    contact = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    platform = rng.choice(PLATFORMS)
    return {
        "id": hexid(rng),
        "createdAt": stamp(rng),
        "updatedAt": stamp(rng),
        "deletedAt": stamp(rng) if rng.random() < 0.1 else None,
        "name": name,
        "description": rng.choice(["Cliente solicitou contato para o mês de novembro",
                                   "Pedido \"urgente\" — ver anexo", "", "Linha 1\nLinha 2"]),
        "imageURL": f"https://dc-qqqq2222pb.s3.amazonaws.com/{uuid(rng)}/{uuid(rng)}",
        "isGroup": rng.random() < 0.1,
        "automationEnabled": rng.random() < 0.5,
        "contact": {
            "id": str(rng.randint(554700000000, 554799999999)),
            "createdAt": stamp(rng),
            "updatedAt": stamp(rng),
            "name": contact,
            "imageURL": f"https://dc-qqqq2222pb.s3.amazonaws.com/{uuid(rng)}/{uuid(rng)}",
            "contactId": str(rng.randint(5547900000000, 5547999999999)),
            "platform": platform,
            "externalId": uuid(rng),
            "accountName": "@" + contact.replace(" ", ""),
            "pending": rng.random() < 0.3,
            "externalInfo": {
                "tagIds": f"{uuid(rng)},{uuid(rng)}",
                "stageIds": f"{uuid(rng)},{uuid(rng)}",
                "pipelineIds": f"{uuid(rng)},{uuid(rng)}",
            },
        },
        "instance": {
            "id": hexid(rng),
            "name": "Instância atendimentos suporte",
            "createdAt": stamp(rng),
            "updatedAt": stamp(rng),
            "platform": platform,
            "provider": "WHATSAPP_CLOUD_API",
            "engine": "WHATSAPP_CLOUD_API_19",
            "config": {
                "endAutomationInterval": 15,
                "endTypingInterval": 1,
                "evolutionApiUrl": "https://evolution-evolution2.mcmoxg.easypanel.host",
                "evolutionInstanceId": "Instancia suporte",
                "evolutionInstanceToken": "78523FD522AA-97KD-8C0F-8138D5A84671",
                "listenGroups": False,
                "startAutomationInterval": 3,
                "startTypingInterval": 0,
                "typingInterval": False,
            },
            "isActive": True,
            "webhook": f"/webhooks/z-api/{uuid(rng)}/{hexid(rng)}",
            "status": "CONNECTED",
            "errorCode": "429",
            "errorMessage": "Não foi possível se conectar com o provedor",
            "deletedAt": None,
        },
        "attendants": [{"id": hexid(rng)} for _ in range(rng.randint(0, 3))],
        "lastMessageDate": stamp(rng),
        "lastReceivedMessageDate": stamp(rng),
        "lastSendedMessageDate": stamp(rng),
        "currentDepartment": {
            "id": hexid(rng),
            "tenantId": uuid(rng),
            "createdAt": stamp(rng),
            "name": rng.choice(DEPARTMENTS),
            "color": "#FF2200",
            "main": True,
            "updatedAt": stamp(rng),
        },
        "currentThread": {
            "id": hexid(rng),
            "code": str(index),
            "startedAt": stamp(rng),
            "finishedAt": stamp(rng),
            "attendants": [hexid(rng)],
            "conversationId": hexid(rng),
            "department": {"id": hexid(rng)},
            "durationInMs": rng.randint(0, 10**8),
            "waitTimeInMs": rng.randint(0, 10**6),
        },
        "hidden": "false",
        "finished": rng.random() < 0.6,
        "isPending": False,
        "sourceReferral": {"sourceId": uuid(rng), "sourceUrl": "https://example.com/artigo-de-origem",
                           "ctwaId": uuid(rng)},
        "lastMessageIsAutomation": rng.random() < 0.5,
    }


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    count = int(args[0]) if args else 100000
    rng = random.Random(42)
    records = (conversation(rng, i) for i in range(count))
    out = sys.stdout
    if "--ndjson" in sys.argv:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif "--indent" in sys.argv:
        json.dump(list(records), out, ensure_ascii=False, indent=2)
    elif "--page" in sys.argv:
        out.write('{"count": %d, "data": [' % count)
        for i, record in enumerate(records):
            out.write((", " if i else "") + json.dumps(record, ensure_ascii=False))
        out.write("]}\n")
    else:
        out.write("[")
        for i, record in enumerate(records):
            out.write((", " if i else "") + json.dumps(record, ensure_ascii=False))
        out.write("]\n")


if __name__ == "__main__":
    main()
